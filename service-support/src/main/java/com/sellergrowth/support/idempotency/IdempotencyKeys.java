package com.sellergrowth.support.idempotency;

import com.sellergrowth.support.problem.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code Idempotency-Key} of commands (as Stripe defines it): inside the command's transaction, the first answer for a
 * (scope, key) is stored; a retry with the same key and the same request gets that answer again and changes nothing; the
 * same key with a different request is refused (422). Two concurrent first attempts: the second one's insert hits the
 * primary key and its whole transaction rolls back, so the command still happens once.
 */
@ApplicationScoped
public class IdempotencyKeys {

  /** A stored answer. */
  public record StoredResponse(int status, String body) {
  }

  public Uni<StoredResponse> find(String scope, String key, String requestHash) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "SELECT request_hash, status, body FROM idempotency_key WHERE scope = ?1 AND idem_key = ?2", Object[].class)
        .setParameter(1, scope).setParameter(2, key).getResultList())
        .map(rows -> {
          if (rows.isEmpty()) {
            return null;
          }
          Object[] row = rows.get(0);
          if (!requestHash.equals(row[0])) {
            throw new ApiException(422, "ERR_IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                "this Idempotency-Key was already used for a different request");
          }
          return new StoredResponse(((Number) row[1]).intValue(), (String) row[2]);
        });
  }

  public Uni<Void> save(String scope, String key, String requestHash, int status, String body) {
    return Panache.getSession().chain(s -> s.createNativeQuery(
            "INSERT INTO idempotency_key(scope, idem_key, request_hash, status, body) VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, scope).setParameter(2, key).setParameter(3, requestHash).setParameter(4, status).setParameter(5, body)
        .executeUpdate()).replaceWithVoid();
  }

  /** A stable fingerprint of a request body. */
  public static String hash(String canonicalRequest) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
