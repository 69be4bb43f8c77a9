package dev.switchboard.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Switchboard's pages (the chat page, the status page and their scripts) served from the module's jar under the path
 * prefix, where an application embeds the module: {@code /switchboard/} is the chat page. Our own WAR serves the
 * same files from its web root instead, and the launcher from its class path.
 */
public final class PageServlet extends HttpServlet {

    /** Where the build puts the web root on the class path. */
    static final String WEB_ROOT = "switchboard-webapp/";

    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9-]+\\.(html|js|css)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "css", "text/css;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // The pages name their scripts and the API relative to themselves, so they need the trailing slash.
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        String file = path.equals("/") ? "index.html" : path.substring(1);
        InputStream page = FILE.matcher(file).matches()
                ? PageServlet.class.getClassLoader().getResourceAsStream(WEB_ROOT + file) : null;
        if (page == null) {
            response.sendError(404, "no such page: " + request.getRequestURI());
            return;
        }
        try (page) {
            byte[] body = page.readAllBytes();
            response.setContentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1)));
            response.setHeader("Cache-Control", "no-cache");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
