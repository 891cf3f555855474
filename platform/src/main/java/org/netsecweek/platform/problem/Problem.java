package org.netsecweek.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * An RFC 9457 problem document. {@code type} is a URN built from {@code code}; extensions are written beside the
 * standard members.
 */
public record Problem(HttpStatus status, String code, String title, String detail, Map<String, Object> extensions) {

	public static final String TYPE_PREFIX = "urn:problem-type:netsec-week:";

	public Problem(HttpStatus status, String code, String title, String detail) {
		this(status, code, title, detail, Map.of());
	}

	public Problem with(Map<String, Object> more) {
		Map<String, Object> all = new LinkedHashMap<>(extensions);
		all.putAll(more);
		return new Problem(status, code, title, detail, all);
	}

	/** The JSON members, in the order of the RFC. */
	public Map<String, Object> members(String instance) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", TYPE_PREFIX + code);
		members.put("title", title);
		members.put("status", status.value());
		members.put("detail", detail);
		members.put("instance", instance);
		members.put("code", code);
		members.putAll(extensions);
		return members;
	}
}
