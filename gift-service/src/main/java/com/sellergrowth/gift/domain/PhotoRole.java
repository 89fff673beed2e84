package com.sellergrowth.gift.domain;

/** What an uploaded photo shows (GFT-2): the package front is required; the others help the reviewer. */
public enum PhotoRole {
  PACKAGE_FRONT, PRODUCT, LABEL, OTHER
}
