package com.sellergrowth.risk.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * The diagnostic report of a decision, in the seeds' three parts: what happened, why it matters, what the seller can do.
 * Written from the stored evidence when read, so a better wording needs no migration.
 */
public record Report(String whatHappened, String whyItMatters, String whatTheSellerCanDo) {

  public static Report of(String reason, String subjectId, Map<String, Object> evidence, Map<String, String> thresholds) {
    return switch (reason) {
      case "CLAIM_BURST" -> new Report(
          String.format("%s claims of coupon %s came from one network address between %s and %s%s.",
              size(evidence.get("eventIds")), subjectId, evidence.get("windowFrom"), evidence.get("windowTo"),
              limit(thresholds, "", "; the limit is %s within %s", thresholds.get("max-claims"), human(thresholds.get("window")))),
          "One address collecting a coupon many times is how coupon farming looks: the coupon's quantity and budget go to one "
              + "party instead of many buyers. The coupon is paused so that nothing more is lost while this is checked.",
          "Look at the coupon's claim details for the address. If the claims are genuine (a shared office or campus network), ask "
              + "an operator to release the pause; if not, keep it paused or end it and consider a smaller quantity per campaign.");
      case "LOW_REDEMPTION" -> new Report(
          String.format("Coupon %s was claimed %s times and redeemed %s times (%s%%), below the %s floor, %s after it was created.",
              subjectId, evidence.get("claims"), evidence.get("redemptions"), evidence.get("redemptionRatePct"),
              limit(thresholds, "redemption", "%s%%", pct(thresholds.get("min-redemption-rate-bp"))),
              human(String.valueOf(evidence.get("age")))),
          "Coupons claimed but rarely used tie up budget and quantity, and often mean claims by resellers or bots, or terms buyers "
              + "cannot meet. The coupon is paused so that its remaining quantity is not taken the same way.",
          "Check the minimum order amount, the product pool and the target countries against what buyers order; adjust and create "
              + "a new coupon, or ask an operator to release this one if the pattern is expected (e.g. a long campaign).");
      case "LATE_STOCK" -> new Report(
          String.format("Stock syncs for products of coupon %s's pool arrived late%s: %s.", subjectId,
              limit(thresholds, "", " (allowed: %s)", human(thresholds.get("allowed-delay"))), evidence.get("lateSkus")),
          "A coupon claimed on stale stock promises products that may be gone; buyers then cannot use what they claimed (CPN-8). "
              + "Claims are refused until the stock is known again.",
          "Make sure your stock feed (or ERP for Direct suppliers) syncs every 15 minutes and on time. Claims resume by themselves "
              + "as soon as a timely sync arrives for every late product; nothing else is needed.");
      case "GIFT_DISPATCH_FAILURES" -> new Report(
          String.format("The last %s gift dispatches failed in a row (codes %s).", size(evidence.get("eventIds")),
              evidence.get("codes")),
          "Buyers were promised a gift that did not ship; repeated failures hurt buyers' trust in every seller's gifts (GFT-9). "
              + "The gift feature is frozen, so no new gift is promised.",
          "Fix what the failure codes say (ERR-407: register the gift packaging; ERR-211: complete the destination documents; "
              + "NOT_CONFIRMED_48H: confirm shipments within 48 hours), then ask an operator to unfreeze the feature.");
      case "DUPLICATE" -> new Report(
          String.format("Click %s repeats a click of the same device on the same code within %s (first: %s).", subjectId,
              limit(thresholds, "the window", "%s", human(thresholds.get("duplicate-window"))), evidence.get("firstClickId")),
          "A device clicking the same code again within the window counts once (ATR-6), so that reports and commissions reflect "
              + "people, not repeated taps.",
          "Nothing: the first click still counts. Repeated clicks usually come from a page reload or a double tap.");
      case "BOT_USER_AGENT" -> new Report(
          String.format("Click %s came from a known automated client (user agent matched '%s').", subjectId, evidence.get("marker")),
          "Crawlers and scripts are not buyers; counting them would inflate clicks and dilute conversion (ATR-6).",
          "Nothing, unless your own tooling clicks your links: use a preview or test link for that.");
      case "IP_BURST" -> new Report(
          String.format("Click %s is one of %s clicks from one network address between %s and %s%s.",
              subjectId, size(evidence.get("clickIds")), evidence.get("windowFrom"), evidence.get("windowTo"),
              limit(thresholds, "", "; the limit is %s within %s", thresholds.get("burst-max-clicks"), human(thresholds.get("burst-window")))),
          "Bursts from one address are typical of click fraud or automated traffic; they are kept out of the link's valid stats "
              + "and of any attribution (RSK-5).",
          "Nothing, if you did not drive this traffic. If a real event caused it (a shared screen, an office), ask an operator "
              + "to release the decision.");
      case "FULFILMENT_RATE" -> new Report(
          String.format("Order fulfilment was below %s for %s days in a row (%s to %s).",
              limit(thresholds, "the floor", "%s%%", pct(thresholds.get("fulfilment-floor-bp"))), size(evidence.get("days")),
              evidence.get("firstDay"), evidence.get("lastDay")),
          "Orders not fulfilled on time are late or cancelled for buyers; the target is 99.2% (DIR-3).",
          "Check stock accuracy and the 15-minute inventory sync, and the capacity of your outbound line; open a ticket if the "
              + "platform's warehouse is the cause.");
      case "QC_FIRST_PASS" -> new Report(
          String.format("QC first-pass rate on %s was %s%%, below the %s.", evidence.get("day"),
              pct(String.valueOf(evidence.get("qcFirstPassRateBp"))), limit(thresholds, "floor", "%s%% floor", pct(thresholds.get("qc-floor-bp")))),
          "Goods failing quality control at inbound delay orders and reach buyers in poor condition; new listings are paused "
              + "until quality recovers (DIR-3).",
          "Review the QC failure reasons of recent inbounds, fix packing and labelling, and ask an operator to release new "
              + "listings once a good inbound passed.");
      case "INVENTORY_TURNOVER" -> new Report(
          String.format("Inventory turnover on %s was %s days, above %s (target 45 or less).", evidence.get("day"),
              evidence.get("turnoverDays"), limit(thresholds, "the limit", "%s", thresholds.get("turnover-max-days"))),
          "Slow stock costs storage and ages; a clearance now costs less than one later (DIR-3).",
          "Run a clearance (a coupon or a price cut) for the slowest SKUs and lower the next inbound (DIR-4: 1.8-2.2 weeks of sales).");
      default -> new Report("Decision " + reason + " on " + subjectId + ".", "See the rule's description.", "Ask an operator.");
    };
  }

  /**
   * A rule's limit in the text, or {@code hidden} when the thresholds are withheld (a seller's view, issue 15: the API hides
   * the exact thresholds, so the report must not state them).
   */
  private static String limit(Map<String, String> thresholds, String hidden, String format, Object... args) {
    return thresholds.isEmpty() ? hidden : String.format(format, args);
  }

  private static Object size(Object o) {
    return o instanceof Collection<?> c ? c.size() : o;
  }

  private static String pct(String bp) {
    if (bp == null || bp.equals("null")) {
      return "?";
    }
    return new java.math.BigDecimal(bp).movePointLeft(2).stripTrailingZeros().toPlainString();
  }

  private static String human(String duration) {
    if (duration == null) {
      return "?";
    }
    try {
      Duration d = Duration.parse(duration);
      if (d.toDaysPart() > 0 && d.toHoursPart() == 0 && d.toMinutesPart() == 0) {
        return d.toDays() + (d.toDays() == 1 ? " day" : " days");
      }
      if (d.toMinutes() % 60 == 0) {
        return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
      }
      return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    } catch (RuntimeException e) {
      return duration;
    }
  }
}
