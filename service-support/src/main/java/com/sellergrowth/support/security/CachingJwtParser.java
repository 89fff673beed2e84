package com.sellergrowth.support.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers tokens it has already verified, until they expire. A storefront or gateway sends the same token with
 * thousands of requests; verifying its RS256 signature and parsing it again each time was the largest single CPU cost of a
 * coupon claim. Safe: the cache key is the whole token (header, claims and signature), so only the exact bytes that passed
 * verification are accepted again, and expiry is re-checked on every hit against real time (not the business clock).
 * Bounded: cleared when it holds {@value #MAX_ENTRIES} tokens.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {
  static final int MAX_ENTRIES = 10_000;

  private final DefaultJWTParser delegate;
  private final ConcurrentHashMap<String, JsonWebToken> verified = new ConcurrentHashMap<>();

  public CachingJwtParser(JWTAuthContextInfo authContextInfo) {
    this.delegate = new DefaultJWTParser(authContextInfo);
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    JsonWebToken cached = verified.get(token);
    long nowSeconds = System.currentTimeMillis() / 1000; // token expiry is about real time, not the service's business clock
    if (cached != null) {
      if (cached.getExpirationTime() > nowSeconds) {
        return cached;
      }
      verified.remove(token);
    }
    JsonWebToken jwt = delegate.parse(token);
    if (jwt.getExpirationTime() > nowSeconds) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(token, jwt);
    }
    return jwt;
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return delegate.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return delegate.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return delegate.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return delegate.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return delegate.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return delegate.parseOnly(token);
  }
}
