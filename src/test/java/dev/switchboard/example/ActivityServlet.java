package dev.switchboard.example;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /activity}: what {@link ActivityLog} observed, one line each. */
@WebServlet("/activity")
public class ActivityServlet extends HttpServlet {

    @Inject
    private ActivityLog log;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print(String.join("\n", log.lines()));
    }
}
