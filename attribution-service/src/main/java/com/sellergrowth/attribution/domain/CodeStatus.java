package com.sellergrowth.attribution.domain;

/** A marketing code's state: its link counts clicks while ACTIVE; an ARCHIVED code's clicks are counted invalid (ARCHIVED). */
public enum CodeStatus {
  ACTIVE,
  ARCHIVED
}
