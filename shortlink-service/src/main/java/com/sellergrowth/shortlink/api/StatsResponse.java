package com.sellergrowth.shortlink.api;

import com.sellergrowth.shortlink.persistence.ClickStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * SHL-6: a link's figures over {@code [from, to)} by event time (UTC hours). PV and UV count human, valid clicks only; bots
 * (with their reasons) and clicks invalidated by risk-service are counted apart. UV: distinct visitors (keyed hash of
 * address and user agent), over the whole range and per hour.
 */
public record StatsResponse(String code, Instant from, Instant to, long pv, long uv, long bots, long invalid, List<ClickStore.Hour> hours,
    Map<String, Long> countries, Map<String, Long> devices, Map<String, Long> botReasons) {
}
