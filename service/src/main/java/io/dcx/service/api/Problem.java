package io.dcx.service.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * RFC 9457 problem details with dcx's stable {@code code}. Extra facts (for example {@code existingWorkId}) are
 * written as top-level members.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code,
        @com.fasterxml.jackson.annotation.JsonIgnore Map<String, Object> extras) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonAnyGetter
    public Map<String, Object> extraMembers() {
        return extras;
    }
}
