package com.sellergrowth.risk.domain;

/**
 * RSK-7. ACTIVE: published, the services act on it. SHADOW: recorded and reported only. RELEASED: an operator undid it
 * (audited). RESOLVED: the rule saw its condition end (RSK-3: a timely stock sync) and undid it.
 */
public enum DecisionStatus { ACTIVE, SHADOW, RELEASED, RESOLVED }
