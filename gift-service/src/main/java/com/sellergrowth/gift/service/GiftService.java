package com.sellergrowth.gift.service;

import com.sellergrowth.events.gift.GiftSkuApprovedV1;
import com.sellergrowth.events.gift.GiftSkuRejectedV1;
import com.sellergrowth.events.gift.GiftSkuSubmittedV1;
import com.sellergrowth.gift.config.GiftConfig;
import com.sellergrowth.gift.domain.GiftChecks;
import com.sellergrowth.gift.domain.GiftDraft;
import com.sellergrowth.gift.domain.PhotoCheck;
import com.sellergrowth.gift.domain.PhotoRole;
import com.sellergrowth.gift.persistence.GiftRow;
import com.sellergrowth.gift.persistence.GiftStore;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * GFT-2: a seller declares a gift SKU (DRAFT), uploads its photos, submits it; the automatic checks run first (any failure:
 * REJECTED at stage AUTOMATIC with every reason code); otherwise it waits IN_REVIEW until an operator approves it or rejects it
 * with a reason code. Every step is audited and published; every step is taken at the version read (409 otherwise).
 */
@ApplicationScoped
public class GiftService {
  public static final String SYSTEM = "system:automatic-checks";
  private final Pool pool;
  private final GiftStore store;
  private final SellerService sellers;
  private final GiftChecks checks;
  private final PhotoCheck photoCheck;
  private final int maxPhotos;
  private final Clock clock;

  public GiftService(Pool pool, GiftStore store, SellerService sellers, GiftConfig config, Clock clock) {
    this.pool = pool;
    this.store = store;
    this.sellers = sellers;
    var r = config.review();
    this.checks = new GiftChecks(r.filingCategories(), r.certificationCategories(), r.certificationMarks());
    var p = config.photos();
    this.photoCheck = new PhotoCheck(p.maxBytes(), p.minPixels(), p.maxPixels());
    this.maxPhotos = p.maxPerGift();
    this.clock = clock;
  }

  /** A gift with its photos, stock and review history, as its seller and the operators see it. */
  public record GiftView(GiftRow gift, List<GiftStore.Photo> photos, GiftStore.Stock stock, List<GiftStore.Audit> history) {
  }

  public Uni<GiftView> create(String sellerId, GiftDraft draft) {
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    return pool.withTransaction(sql -> sellers.requireEligible(sql, sellerId)
        .chain(() -> store.insert(sql, id, sellerId, draft, now))
        .chain(() -> store.audit(sql, id, "seller:" + sellerId, "CREATED", "NONE", "DRAFT", List.of(), null, now))
        .chain(() -> view(sql, id, sellerId)));
  }

  public Uni<GiftView> update(String sellerId, UUID id, int version, GiftDraft draft) {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> store.update(sql, id, sellerId, version, draft).chain(updated -> updated == null
        ? conflict(sql, id, sellerId, version, "only a DRAFT or REJECTED gift is edited")
        : store.audit(sql, id, "seller:" + sellerId, "EDITED", "DRAFT", "DRAFT", List.of(), null, now).chain(() -> view(sql, id, sellerId))));
  }

  /** Stores a photo checked on its bytes; only while the gift may be edited; the same bytes twice are one photo. */
  public Uni<GiftStore.Photo> addPhoto(String sellerId, UUID giftId, PhotoRole role, byte[] bytes) {
    PhotoCheck.Accepted accepted;
    try {
      accepted = photoCheck.check(bytes);
    } catch (PhotoCheck.Refused r) {
      return Uni.createFrom().failure(ApiException.invalid(List.of(new FieldError("file", r.code(), r.getMessage()))));
    }
    Instant now = clock.instant();
    return pool.withTransaction(sql -> store.find(sql, giftId, sellerId, true).chain(g -> {
      if (g == null) {
        throw ApiException.notFound("gift " + giftId);
      }
      if (!g.status().equals("DRAFT") && !g.status().equals("REJECTED")) {
        throw new ApiException(409, "ERR_GIFT_STATE", "Not editable", "photos are added to a DRAFT or REJECTED gift; this one is " + g.status());
      }
      return store.photos(sql, giftId).chain(existing -> {
        boolean same = existing.stream().anyMatch(p -> p.sha256().equals(accepted.sha256()));
        if (!same && existing.size() >= maxPhotos) {
          throw ApiException.invalid(List.of(new FieldError("file", "ERR_PHOTO_COUNT", "a gift has at most " + maxPhotos + " photos")));
        }
        return store.addPhoto(sql, giftId, role, accepted, bytes, now).call(photo -> store.audit(sql, giftId, "seller:" + sellerId,
            "PHOTO_ADDED", g.status(), g.status(), List.of(), photo.role() + " " + photo.id() + " sha256:" + photo.sha256(), now));
      });
    }));
  }

  /** A photo's bytes, for its seller (sellerId) or an operator (null), so the review looks at what was uploaded. */
  public Uni<GiftStore.PhotoBytes> photo(String sellerId, UUID giftId, UUID photoId) {
    return pool.withConnection(sql -> store.find(sql, giftId, sellerId, false).chain(g -> {
      if (g == null) {
        throw ApiException.notFound("gift " + giftId);
      }
      return store.photoBytes(sql, giftId, photoId).map(p -> {
        if (p == null) {
          throw ApiException.notFound("photo " + photoId);
        }
        return p;
      });
    }));
  }

  /** Removes a photo of a gift that may still be edited (DRAFT or REJECTED). */
  public Uni<Void> deletePhoto(String sellerId, UUID giftId, UUID photoId) {
    return pool.withTransaction(sql -> store.find(sql, giftId, sellerId, true).chain(g -> {
      if (g == null) {
        throw ApiException.notFound("gift " + giftId);
      }
      if (!g.status().equals("DRAFT") && !g.status().equals("REJECTED")) {
        throw new ApiException(409, "ERR_GIFT_STATE", "Not editable", "photos are removed from a DRAFT or REJECTED gift; this one is " + g.status());
      }
      return store.deletePhoto(sql, giftId, photoId).chain(deleted -> {
        if (!deleted) {
          throw ApiException.notFound("photo " + photoId);
        }
        return store.audit(sql, giftId, "seller:" + sellerId, "PHOTO_REMOVED", g.status(), g.status(), List.of(), photoId.toString(),
            clock.instant());
      });
    }));
  }

  /** Submits a DRAFT or REJECTED gift at the version read: the automatic checks decide between REJECTED and IN_REVIEW. */
  public Uni<GiftView> submit(String sellerId, UUID id, int version) {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> store.find(sql, id, sellerId, true).chain(g -> {
      if (g == null) {
        throw ApiException.notFound("gift " + id);
      }
      return store.photos(sql, id).chain(photos -> {
        List<String> failures = checks.failures(g.draft(), photos.stream().map(p -> PhotoRole.valueOf(p.role())).toList());
        String to = failures.isEmpty() ? "IN_REVIEW" : "REJECTED";
        return store.transition(sql, id, sellerId, version, List.of("DRAFT", "REJECTED"), to, failures, null, now, null).chain(moved -> {
          if (moved == null) {
            return conflict(sql, id, sellerId, version, "only a DRAFT or REJECTED gift is submitted");
          }
          Record event = failures.isEmpty() ? new GiftSkuSubmittedV1(id.toString(), sellerId, g.draft().name(), g.draft().categoryId(), now)
              : new GiftSkuRejectedV1(id.toString(), sellerId, "AUTOMATIC", failures, null, now);
          return store.audit(sql, id, "seller:" + sellerId, "SUBMITTED", g.status(), "IN_REVIEW", List.of(), null, now)
              .chain(() -> failures.isEmpty() ? Uni.createFrom().voidItem()
                  : store.audit(sql, id, SYSTEM, "AUTOMATIC_CHECKS_FAILED", "IN_REVIEW", "REJECTED", failures, null, now))
              .chain(() -> Outbox.insertAll(sql, List.of(Outbox.row(sellerId, event, now))))
              .chain(() -> view(sql, id, sellerId));
        });
      });
    }));
  }

  /** An operator's decision on a gift IN_REVIEW at the version read: APPROVED, or REJECTED with a reason code. Audited. */
  public Uni<GiftView> decide(String operatorId, UUID id, int version, boolean approve, List<String> reasonCodes, String note) {
    Instant now = clock.instant();
    String to = approve ? "APPROVED" : "REJECTED";
    return pool.withTransaction(sql -> store.transition(sql, id, null, version, List.of("IN_REVIEW"), to, approve ? List.of() : reasonCodes,
        note, now, operatorId).chain(moved -> {
          if (moved == null) {
            return conflict(sql, id, null, version, "only a gift IN_REVIEW is decided");
          }
          Record event = approve ? new GiftSkuApprovedV1(id.toString(), moved.sellerId(), operatorId, now)
              : new GiftSkuRejectedV1(id.toString(), moved.sellerId(), "REVIEW", reasonCodes, operatorId, now);
          return store.audit(sql, id, "operator:" + operatorId, approve ? "APPROVED" : "REJECTED", "IN_REVIEW", to,
                  approve ? List.of() : reasonCodes, note, now)
              .chain(() -> Outbox.insertAll(sql, List.of(Outbox.row(moved.sellerId(), event, now))))
              .chain(() -> view(sql, id, null));
        }));
  }

  public Uni<GiftView> get(String sellerId, UUID id) {
    return pool.withConnection(sql -> view(sql, id, sellerId));
  }

  public Uni<List<GiftRow>> list(String sellerId, String status, int page, int size) {
    return pool.withConnection(sql -> store.list(sql, sellerId, status, page, size));
  }

  public Uni<List<GiftRow>> queue(int page, int size) {
    return pool.withConnection(sql -> store.queue(sql, page, size));
  }

  private Uni<GiftView> view(SqlClient sql, UUID id, String sellerId) {
    return store.find(sql, id, sellerId, false).chain(g -> {
      if (g == null) {
        throw ApiException.notFound("gift " + id);
      }
      return store.photos(sql, id).chain(photos -> store.stock(sql, id)
          .chain(stock -> store.history(sql, id).map(history -> new GiftView(g, photos, stock, history))));
    });
  }

  /** Why a versioned step did not happen: 404, 409 ERR_CONCURRENT_UPDATE (another version) or 409 ERR_GIFT_STATE. */
  private <T> Uni<T> conflict(SqlClient sql, UUID id, String sellerId, int version, String rule) {
    return store.find(sql, id, sellerId, false).map(current -> {
      if (current == null) {
        throw ApiException.notFound("gift " + id);
      }
      if (current.version() != version) {
        throw new ApiException(409, "ERR_CONCURRENT_UPDATE", "Conflict",
            "the gift is at version " + current.version() + ", not " + version + "; read it again and retry");
      }
      throw new ApiException(409, "ERR_GIFT_STATE", "Not allowed in this state", rule + "; this one is " + current.status());
    });
  }
}
