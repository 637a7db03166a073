package io.collectivepulse.slack;

import com.slack.api.methods.SlackApiTextResponse;
import java.util.List;
import java.util.Map;

/**
 * What we read of Slack's answer to {@code chat.postMessage}, {@code chat.update} and {@code chat.postEphemeral}:
 * whether it worked, why not, and the message's timestamp. The SDK's own response classes carry the whole message
 * back, Block Kit included, and the SDK builds a new Gson for every answer, which then reflects over that whole
 * type tree: that was most of the CPU a posted card cost. This class has six fields to reflect over.
 */
public final class SlackAnswer implements SlackApiTextResponse {
    private boolean ok;
    private String warning;
    private String error;
    private String needed;
    private String provided;
    private String ts;
    private transient Map<String, List<String>> httpResponseHeaders;

    @Override
    public boolean isOk() {
        return ok;
    }

    @Override
    public void setOk(boolean ok) {
        this.ok = ok;
    }

    @Override
    public String getWarning() {
        return warning;
    }

    @Override
    public void setWarning(String warning) {
        this.warning = warning;
    }

    @Override
    public String getError() {
        return error;
    }

    @Override
    public void setError(String error) {
        this.error = error;
    }

    @Override
    public String getNeeded() {
        return needed;
    }

    @Override
    public void setNeeded(String needed) {
        this.needed = needed;
    }

    @Override
    public String getProvided() {
        return provided;
    }

    @Override
    public void setProvided(String provided) {
        this.provided = provided;
    }

    /** The message's timestamp, its id in the channel. */
    public String getTs() {
        return ts;
    }

    @Override
    public Map<String, List<String>> getHttpResponseHeaders() {
        return httpResponseHeaders;
    }

    @Override
    public void setHttpResponseHeaders(Map<String, List<String>> headers) {
        this.httpResponseHeaders = headers;
    }
}
