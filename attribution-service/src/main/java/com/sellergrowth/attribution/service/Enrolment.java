package com.sellergrowth.attribution.service;

import com.sellergrowth.attribution.persistence.PlatformFacts;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** ATR-2: only sellers enrolled in the affiliate programme may create codes; everyone else is refused with ERR_403 and why. */
@ApplicationScoped
public class Enrolment {
  private final PlatformFacts facts;

  public Enrolment(PlatformFacts facts) {
    this.facts = facts;
  }

  /** The seller's status: enrolled, or the reasons not (ERR_SELLER_UNKNOWN, ERR_NOT_AFFILIATE). */
  public record Status(String sellerId, boolean enrolled, List<FieldError> reasons) {
  }

  public Uni<Status> status(String sellerId) {
    return facts.affiliateMember(sellerId).map(member -> {
      if (member == null) {
        return new Status(sellerId, false, List.of(new FieldError("seller", "ERR_SELLER_UNKNOWN",
            "the platform has not sent this seller's profile yet")));
      }
      return member ? new Status(sellerId, true, List.of())
          : new Status(sellerId, false, List.of(new FieldError("seller", "ERR_NOT_AFFILIATE",
              "the seller has not joined the affiliate programme (Seller Center > Marketing > Enable Affiliate Program)")));
    });
  }

  /** Refuses (403 ERR_403, every reason) a seller who is not enrolled. */
  public Uni<Void> require(String sellerId) {
    return status(sellerId).map(s -> {
      if (!s.enrolled()) {
        throw new ApiException(403, "ERR_403", "Not enrolled in the affiliate programme",
            "only sellers enrolled in the affiliate programme may create marketing codes (ATR-2)", s.reasons());
      }
      return null;
    });
  }
}
