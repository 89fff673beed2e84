package com.sellergrowth.shortlink.api;

import com.sellergrowth.shortlink.persistence.LinkRepository;
import java.util.List;

/** SHL-8: every target the link had, oldest first. */
public record HistoryResponse(String code, List<LinkRepository.TargetVersion> versions) {
}
