package org.journalmq.examples.crash;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Lets the test, outside the server, start the outbound transaction: POST /crash?id=..&queue=.. */
@WebServlet("/crash")
public class CrashServlet extends HttpServlet {

    @EJB
    private CrashOrders orders;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String id = req.getParameter("id");
        String queue = req.getParameter("queue");
        if (id == null || queue == null) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST, "parameters id and queue are required");
            return;
        }
        orders.place(id, queue);
        resp.setContentType("text/plain");
        resp.getWriter().print("placed " + id);
    }
}
