package com.sellergrowth.support.security;

import com.sellergrowth.support.problem.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, from the verified JWT. Resources ask it for the seller id instead of trusting a path or body. */
@RequestScoped
public class Caller {
  private final SecurityIdentity identity;
  private final JsonWebToken jwt;

  public Caller(SecurityIdentity identity, JsonWebToken jwt) {
    this.identity = identity;
    this.jwt = jwt;
  }

  /** The calling seller's id (the token subject); 403 if the caller is not a seller. */
  public String sellerId() {
    if (!identity.hasRole(Roles.SELLER) || jwt.getSubject() == null || jwt.getSubject().isBlank()) {
      throw new ApiException(403, "ERR_FORBIDDEN", "Forbidden", "a seller token is required");
    }
    return jwt.getSubject();
  }

  public boolean isOperator() {
    return identity.hasRole(Roles.OPERATOR);
  }
}
