package com.sellergrowth.shortlink.api;

import java.util.List;

/** SHL-7: links to create in one request. */
public record BatchRequest(List<CreateLinkRequest> links) {
}
