package dev.switchboard.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers plain HTTP requests on WebSocket paths ({@code /chat/*}, {@code /echo}): the WebSocket container
 * takes the upgrades, and everything else gets 426 with {@code Upgrade: websocket} and one line saying how to
 * connect.
 */
public final class WebSocketOnlyServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = (request.getRequestURI()
                + " is a WebSocket endpoint: connect with a WebSocket client (Upgrade: websocket)\n")
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(426);
        response.setHeader("Upgrade", "websocket");
        // Grizzly frames no body after a response that names an Upgrade; closing delimits it for every client.
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
