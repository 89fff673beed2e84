package com.sellergrowth.coupon.domain;

import java.time.Instant;
import java.util.List;

/** A coupon as a seller asks for it, before validation: any field may be missing or wrong (CPN-5). */
public record CouponDraft(String name, String type, String currency, Long faceValueMinor, Long minOrderMinor, Instant startsAt,
    Instant endsAt, Long totalQuantity, Long budgetMinor, List<String> targetCountries, ProductPool pool, Boolean logisticsRestricted,
    Boolean firstOrderOnly, Boolean stackableWithPlatform, String stackingGroup, Boolean exclusive, Integer grossMarginBp,
    List<Variant> variants, Boolean draft) {
}
