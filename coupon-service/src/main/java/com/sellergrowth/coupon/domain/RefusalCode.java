package com.sellergrowth.coupon.domain;

/**
 * Why a claim or a redemption was refused. {@code name()} is the detailed code the seller sees in claim details (CPN-10);
 * {@code buyerCode} is what a buyer may be shown: it never reveals whether a coupon exists for another region, is paused by
 * risk, or which rule about the buyer's record applied.
 */
public enum RefusalCode {
  ERR_COUPON_NOT_FOUND(404, "ERR_COUPON_UNAVAILABLE", "This coupon is not available."),
  ERR_COUPON_NOT_STARTED(409, "ERR_COUPON_UNAVAILABLE", "This coupon is not available."),
  ERR_COUPON_PAUSED(409, "ERR_COUPON_UNAVAILABLE", "This coupon is not available."),
  ERR_COUPON_ENDED(409, "ERR_COUPON_UNAVAILABLE", "This coupon is not available."),
  ERR_COUPON_EXPIRED(409, "ERR_COUPON_EXPIRED", "This coupon has expired."),
  /** CPN-7. */
  ERR_COUPON_REGION(409, "ERR_COUPON_UNAVAILABLE", "This coupon is not available."),
  /** CPN-8: pool delisted, out of stock, or its stock sync is late. */
  ERR_STOCK_SYNC_FAIL(409, "ERR_COUPON_UNAVAILABLE", "This coupon is not available right now."),
  /** CPN-9. */
  ERR_BUYER_DISPUTES(409, "ERR_NOT_ELIGIBLE", "You are not eligible for this coupon."),
  /** CPN-12. */
  ERR_NOT_FIRST_ORDER(409, "ERR_NOT_ELIGIBLE", "You are not eligible for this coupon."),
  /** CPN-3: total quantity reached. */
  ERR_SOLD_OUT(409, "ERR_SOLD_OUT", "All coupons have been claimed."),
  /** The total discount budget is used up (same exactness as quantity). */
  ERR_BUDGET_EXHAUSTED(409, "ERR_SOLD_OUT", "All coupons have been claimed."),
  /** CPN-3: one claim per buyer. */
  ERR_CLAIM_LIMIT(409, "ERR_CLAIM_LIMIT", "You have already claimed this coupon."),
  /** CPN-11 (redemption). */
  ERR_LOGISTICS(409, "ERR_LOGISTICS", "This coupon only applies to orders shipped with official logistics."),
  /** CPN-13 (redemption): the order does not reach the minimum amount on pool products. */
  ERR_MIN_AMOUNT(409, "ERR_MIN_AMOUNT", "The order does not reach this coupon's minimum amount."),
  /** CPN-13 (redemption): no order line is in the coupon's product pool. */
  ERR_POOL(409, "ERR_NOT_APPLICABLE", "This coupon does not apply to these products."),
  /** CPN-13 (redemption): the claim is not usable by this order (another buyer's, already used, void). */
  ERR_CLAIM_NOT_USABLE(409, "ERR_NOT_APPLICABLE", "This coupon cannot be used for this order.");

  private final int httpStatus;
  private final String buyerCode;
  private final String buyerMessage;

  RefusalCode(int httpStatus, String buyerCode, String buyerMessage) {
    this.httpStatus = httpStatus;
    this.buyerCode = buyerCode;
    this.buyerMessage = buyerMessage;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String buyerCode() {
    return buyerCode;
  }

  public String buyerMessage() {
    return buyerMessage;
  }
}
