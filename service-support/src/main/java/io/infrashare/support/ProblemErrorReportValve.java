package io.infrashare.support;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat refuses some requests before any application code sees them (an encoded slash or a NUL in the path, a
 * malformed header). Its own error page is HTML; this answers those refusals as problems too.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String type = Problems.typeOf(HttpStatusCode.valueOf(status));
        String json = "{\"type\":\"/problems/" + type + "\",\"title\":\"Request refused\",\"status\":" + status
                + ",\"detail\":\"The server refused the request before handling it: its path or headers are not "
                + "acceptable.\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client went away or the response was committed meanwhile: nothing more to tell it
        }
    }
}
