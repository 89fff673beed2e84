package com.sellergrowth.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Signed test JWTs (the dev-only key of scripts/dev-jwt), as the API gateway would issue them. */
public final class Tokens {
  public static final String ISSUER = "https://dev.sellergrowth.local";

  public static String seller(String sellerId) {
    return Jwt.issuer(ISSUER).subject(sellerId).upn(sellerId).groups(Set.of("seller")).sign();
  }

  public static String storefront() {
    return Jwt.issuer(ISSUER).subject("storefront-web").upn("storefront-web").groups(Set.of("storefront")).sign();
  }

  public static String operator(String id) {
    return Jwt.issuer(ISSUER).subject(id).upn(id).groups(Set.of("operator")).sign();
  }

  private Tokens() {
  }
}
