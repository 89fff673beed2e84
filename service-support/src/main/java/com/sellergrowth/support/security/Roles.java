package com.sellergrowth.support.security;

/** JWT groups the platform's gateway issues (SPEC section 9). */
public final class Roles {
  /** A seller; the token's subject is the seller id. */
  public static final String SELLER = "seller";
  /** A platform operator. */
  public static final String OPERATOR = "operator";
  /** The storefront service acting for a buyer (the buyer id travels in the request). */
  public static final String STOREFRONT = "storefront";

  private Roles() {
  }
}
