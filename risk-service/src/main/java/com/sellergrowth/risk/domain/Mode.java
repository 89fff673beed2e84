package com.sellergrowth.risk.domain;

/**
 * How a rule runs. ENFORCE: its decisions are published and the services act on them. SHADOW: decisions are recorded
 * (status SHADOW) and reported, never published, as Stripe Radar's test mode. OFF: not evaluated.
 */
public enum Mode { ENFORCE, SHADOW, OFF }
