package dev.switchboard.example;

import dev.switchboard.cdi.Rooms;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * An application's own endpoint that uses Switchboard: {@code POST /orders/{id}/shipped} tells everyone in the room
 * {@code orders-{id}}, as the member {@code system}. This is all an application writes for it.
 */
@WebServlet("/orders/*")
public class OrderUpdates extends HttpServlet {

    @Inject
    private Rooms rooms;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] path = request.getPathInfo().split("/"); // "", id, "shipped"
        long seq = rooms.publish("orders-" + path[1], "system", "order " + path[1] + " has shipped");
        response.setContentType("text/plain");
        response.getWriter().print(seq);
    }
}
