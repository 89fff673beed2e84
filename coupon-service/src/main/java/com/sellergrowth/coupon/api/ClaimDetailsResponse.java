package com.sellergrowth.coupon.api;

import com.sellergrowth.coupon.persistence.CouponQueries.RefusalRow;
import java.util.List;

/** CPN-10: the coupon's claims and refusals (with the detailed code). */
public record ClaimDetailsResponse(List<ClaimResponse> claims, List<RefusalRow> refusals, int page, int size) {
}
