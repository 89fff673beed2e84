package com.sellergrowth.gift.persistence;

import com.sellergrowth.gift.domain.GiftDraft;
import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A stored gift SKU with its review state (GFT-2). */
public record GiftRow(UUID id, String sellerId, GiftDraft draft, String status, List<String> reasons, String reviewNote, int version,
    Instant createdAt, Instant submittedAt, Instant reviewedAt, String reviewedBy) {

  static final String COLUMNS = "id, seller_id, name, category_id, composition, weight_grams, packaging, packaging_registration, "
      + "filing_number, msds_reference, certification_marks, front_not_for_sale, front_brand_logo, no_infringement, status, reasons, "
      + "review_note, version, created_at, submitted_at, reviewed_at, reviewed_by";

  static GiftRow of(Row r) {
    GiftDraft d = new GiftDraft(r.getString("name"), r.getString("category_id"), r.getString("composition"), r.getInteger("weight_grams"),
        r.getString("packaging"), r.getString("packaging_registration"), r.getString("filing_number"), r.getString("msds_reference"),
        Arrays.asList(r.getArrayOfStrings("certification_marks")), r.getBoolean("front_not_for_sale"), r.getBoolean("front_brand_logo"),
        r.getBoolean("no_infringement"));
    return new GiftRow(r.getUUID("id"), r.getString("seller_id"), d, r.getString("status"), Arrays.asList(r.getArrayOfStrings("reasons")),
        r.getString("review_note"), r.getInteger("version"), instant(r, "created_at"), instant(r, "submitted_at"), instant(r, "reviewed_at"),
        r.getString("reviewed_by"));
  }

  static Instant instant(Row r, String column) {
    var o = r.getOffsetDateTime(column);
    return o == null ? null : o.toInstant();
  }
}
