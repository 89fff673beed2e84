package com.sellergrowth.shortlink.service;

import com.sellergrowth.events.shortlink.LinkCreatedV1;
import com.sellergrowth.events.shortlink.LinkDeletedV1;
import com.sellergrowth.events.shortlink.LinkTargetChangedV1;
import com.sellergrowth.shortlink.config.ShortlinkConfig;
import com.sellergrowth.shortlink.domain.Codes;
import com.sellergrowth.shortlink.domain.LinkDraft;
import com.sellergrowth.shortlink.domain.LinkDraftValidator;
import com.sellergrowth.shortlink.domain.LinkView;
import com.sellergrowth.shortlink.domain.SellerProfile;
import com.sellergrowth.shortlink.domain.Utm;
import com.sellergrowth.shortlink.domain.ValidLink;
import com.sellergrowth.shortlink.persistence.Link;
import com.sellergrowth.shortlink.persistence.LinkRepository;
import com.sellergrowth.shortlink.persistence.PlatformFacts;
import com.sellergrowth.shortlink.redirect.LinkResolver;
import com.sellergrowth.support.idempotency.IdempotencyKeys;
import com.sellergrowth.support.outbox.Outbox;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.targets.TargetPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Creates, changes and deletes links (SHL-1..5, 7, 8). Every change commits with its event in the outbox; after the commit
 * the link's view is written to Redis for redirects (best effort: if that write fails, the consumer of shortlink.events
 * rewrites it from PostgreSQL).
 */
@ApplicationScoped
public class LinkService {
  private static final Logger LOG = Logger.getLogger(LinkService.class);
  private static final int CODE_ATTEMPTS = 5;

  private final LinkRepository links;
  private final PlatformFacts facts;
  private final Outbox outbox;
  private final LinkResolver resolver;
  private final Clock clock;
  private final ShortlinkConfig config;
  private final Codes codes;
  private final LinkDraftValidator validator;
  private final IdempotencyKeys idempotency;

  public LinkService(LinkRepository links, PlatformFacts facts, Outbox outbox, LinkResolver resolver, Clock clock, ShortlinkConfig config,
      IdempotencyKeys idempotency) {
    this.idempotency = idempotency;
    this.links = links;
    this.facts = facts;
    this.outbox = outbox;
    this.resolver = resolver;
    this.clock = clock;
    this.config = config;
    this.codes = new Codes(config.baseUrl(), config.codes().length(), config.codes().aliasMinLength());
    this.validator = new LinkDraftValidator(new TargetPolicy(config.targets().allowedHosts()), codes, config.targets().skuPathPattern());
  }

  /** The outcome of one item of a batch: the link, or why it was refused. */
  public record ItemResult(Link link, List<FieldError> errors) {
  }

  /** Checks a draft; every error at once (422). */
  public ValidLink validate(LinkDraft draft) {
    LinkDraftValidator.Result r = validator.validate(draft, clock.instant());
    if (!r.errors().isEmpty()) {
      throw ApiException.invalid(r.errors());
    }
    return r.link();
  }

  /** SHL-1: creates one link in the caller's transaction; the seller's eligibility was checked by the caller. */
  public Uni<Link> createInTransaction(String sellerId, ValidLink link) {
    Instant now = clock.instant();
    Uni<Link> inserted = link.alias() != null
        ? links.insertIfFree(link.alias(), sellerId, link, true, now).map(l -> {
          if (l == null) {
            throw new ApiException(409, "ERR_ALIAS_TAKEN", "Alias taken", "the alias '" + link.alias() + "' is already in use")
                .withPublic("ERR_ALIAS_TAKEN", "choose another alias");
          }
          return l;
        })
        : insertWithFreshCode(sellerId, link, now, CODE_ATTEMPTS);
    return inserted.call(l -> outbox.append(l.code, new LinkCreatedV1(l.code, sellerId, link.channel(), link.campaign(), link.target(),
        link.mobileTarget(), link.sku(), link.expiresAt(), link.maxVisits(), now), now));
  }

  /** SHL-1: creates a link; a retry with the same Idempotency-Key returns the first link. */
  public Uni<Link> create(String sellerId, LinkDraft draft, String idempotencyKey, String requestHash) {
    ValidLink valid = validate(draft);
    String scope = "seller:" + sellerId + ":create-link";
    return Panache.withTransaction(() -> find(scope, idempotencyKey, requestHash).chain(stored -> stored != null
        ? links.findById(stored.body())
        : requireEligible(sellerId).chain(() -> createInTransaction(sellerId, valid))
            .call(l -> save(scope, idempotencyKey, requestHash, 201, l.code))))
        .call(this::publishView);
  }

  /**
   * SHL-7: up to {@code shortlink.api.max-batch} links in one request and one transaction, each item validated on its own: an
   * invalid item or a taken alias is refused alone, with its reasons, the others are created. Answers the stored result for
   * a retried Idempotency-Key ({@code render} turns the results into the body that is answered and stored).
   */
  public Uni<String> createBatch(String sellerId, List<LinkDraft> drafts, String idempotencyKey, String requestHash,
      java.util.function.Function<List<ItemResult>, String> render) {
    Instant now = clock.instant();
    List<LinkDraftValidator.Result> checked = drafts.stream().map(d -> validator.validate(d, now)).toList();
    String scope = "seller:" + sellerId + ":create-links";
    List<Link> created = new ArrayList<>();
    return Panache.withTransaction(() -> find(scope, idempotencyKey, requestHash).chain(stored -> {
      if (stored != null) {
        return Uni.createFrom().item(stored.body());
      }
      List<ItemResult> results = new ArrayList<>();
      Uni<Void> chain = requireEligible(sellerId);
      for (LinkDraftValidator.Result item : checked) {
        if (item.link() == null) {
          chain = chain.invoke(() -> results.add(new ItemResult(null, item.errors())));
          continue;
        }
        chain = chain.chain(() -> createInTransaction(sellerId, item.link())
            .invoke(l -> {
              created.add(l);
              results.add(new ItemResult(l, List.of()));
            })
            .onFailure(ApiException.class).recoverWithItem(e -> {
              results.add(new ItemResult(null, List.of(new FieldError("alias", ((ApiException) e).code(), e.getMessage()))));
              return null;
            })
            .replaceWithVoid());
      }
      return chain.map(v -> render.apply(results)).call(body -> save(scope, idempotencyKey, requestHash, 200, body));
    })).call(() -> {
      Uni<Void> views = Uni.createFrom().voidItem();
      for (Link l : created) {
        views = views.chain(() -> publishView(l));
      }
      return views;
    });
  }

  private Uni<IdempotencyKeys.StoredResponse> find(String scope, String key, String requestHash) {
    return key == null ? Uni.createFrom().nullItem() : idempotency.find(scope, key, requestHash);
  }

  private Uni<Void> save(String scope, String key, String requestHash, int status, String body) {
    return key == null ? Uni.createFrom().voidItem() : idempotency.save(scope, key, requestHash, status, body);
  }

  /** SHL-3: refuses (403, every reason) a seller who may not create or retarget links. */
  public Uni<Void> requireEligible(String sellerId) {
    return facts.seller(sellerId).map(profile -> {
      List<String> reasons = SellerProfile.refusals(profile, clock.instant(), config.eligibility().violationWindow());
      if (!reasons.isEmpty()) {
        throw new ApiException(403, "ERR_SELLER_NOT_ELIGIBLE", "Seller not eligible",
            "short links are for verified enterprise sellers without a serious violation in the last "
                + config.eligibility().violationWindow().toDays() + " days",
            reasons.stream().map(r -> new FieldError("seller", r, message(r))).toList());
      }
      return null;
    });
  }

  /** SHL-8: points a link at a new target; the code, stats and history stay. A change to the same target changes nothing. */
  public Uni<Link> changeTarget(String sellerId, String code, String target, String mobileTarget, String sku) {
    return Panache.withTransaction(() -> owned(code, sellerId).chain(link -> {
      ValidLink v = validate(new LinkDraft(target, mobileTarget, link.channel, link.campaign, Utm.parse(link.utmQuery), null, sku, null, null));
      if (Objects.equals(v.target(), link.target) && Objects.equals(v.mobileTarget(), link.mobileTarget)
          && Objects.equals(v.sku(), link.sku)) {
        return Uni.createFrom().item(link);
      }
      Instant now = clock.instant();
      String previous = link.target;
      link.target = v.target();
      link.mobileTarget = v.mobileTarget();
      link.sku = v.sku();
      link.updatedAt = now;
      // the version-checked update runs first (flush): a concurrent change or delete makes it fail (409) before history is written
      return requireEligible(sellerId)
          .chain(() -> Panache.getSession().chain(session -> session.flush()))
          .chain(() -> links.history(code, link.version, link.target, link.mobileTarget, now))
          .chain(() -> outbox.append(code, new LinkTargetChangedV1(code, sellerId, previous, link.target, link.mobileTarget, link.version, now), now))
          .replaceWith(link);
    })).call(this::publishView);
  }

  /** SHL-5: the code answers 404 from now on and is never given out again. Deleting a deleted link of the seller is a no-op. */
  public Uni<Void> delete(String sellerId, String code) {
    return Panache.withTransaction(() -> links.find("code = ?1 and sellerId = ?2", code, sellerId).<Link>firstResult().chain(link -> {
      if (link == null) {
        throw ApiException.notFound("link " + code);
      }
      if (link.deletedAt != null) {
        return Uni.createFrom().item(link);
      }
      Instant now = clock.instant();
      link.deletedAt = now;
      link.updatedAt = now; // the version moves with the update (optimistic lock)
      return outbox.append(code, new LinkDeletedV1(code, sellerId, now), now).replaceWith(link);
    })).call(this::publishView).replaceWithVoid();
  }

  public Uni<Link> owned(String code, String sellerId) {
    return links.findOwned(code, sellerId).map(l -> {
      if (l == null) {
        throw ApiException.notFound("link " + code);
      }
      return l;
    });
  }

  /** Writes a committed link's view to Redis; a failure is logged, not returned (the link is committed and will be repaired). */
  public Uni<Void> publishView(Link l) {
    LinkView view = resolver.views().of(l.code, l.sellerId, l.target, l.mobileTarget, l.utmQuery, l.sku, l.expiresAt, l.maxVisits,
        l.version, l.deletedAt != null);
    return Uni.createFrom().completionStage(() -> resolver.put(view)).replaceWithVoid().onFailure().recoverWithUni(f -> {
      LOG.warnf("view of %s not written to Redis (repaired from shortlink.events): %s", l.code, f.getMessage());
      return Uni.createFrom().voidItem();
    });
  }

  private Uni<Link> insertWithFreshCode(String sellerId, ValidLink link, Instant now, int attemptsLeft) {
    return links.insertIfFree(codes.next(), sellerId, link, false, now).chain(inserted -> {
      if (inserted != null) {
        return Uni.createFrom().item(inserted);
      }
      if (attemptsLeft <= 1) {
        return Uni.createFrom().failure(new ApiException(503, "ERR_CODE_SPACE", "No free code", "no free code found; retry"));
      }
      return insertWithFreshCode(sellerId, link, now, attemptsLeft - 1);
    });
  }

  private static String message(String reason) {
    return switch (reason) {
      case "ERR_SELLER_UNKNOWN" -> "the platform has not sent this seller's profile yet";
      case "ERR_SELLER_INDIVIDUAL" -> "individual sellers cannot create short links";
      case "ERR_SELLER_UNVERIFIED" -> "the seller is not verified";
      default -> "the seller has a serious violation in the look-back window";
    };
  }
}
