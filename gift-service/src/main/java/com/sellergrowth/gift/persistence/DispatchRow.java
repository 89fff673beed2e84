package com.sellergrowth.gift.persistence;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A stored dispatch (GFT-7, GFT-8) with its gift's name. */
public record DispatchRow(UUID id, String sellerId, String orderId, UUID giftId, String giftName, UUID ruleId, String buyerId, String country,
    String status, String failureCode, String waybill, Long feeMinor, String feeCurrency, String feeLines, String nfeNumber, List<String> documents,
    int version, Instant createdAt, Instant confirmBy, Instant labelledAt, Instant endedAt) {

  public static final String COLUMNS = "d.id, d.seller_id, d.order_id, d.gift_id, g.name, d.rule_id, d.buyer_id, d.country, d.status, "
      + "d.failure_code, d.waybill, d.fee_minor, d.fee_currency, d.fee_lines, d.nfe_number, d.documents, d.version, d.created_at, d.confirm_by, "
      + "d.labelled_at, d.ended_at";
  public static final String FROM = " FROM dispatch d JOIN gift g ON g.id = d.gift_id ";

  public static DispatchRow of(Row r) {
    String[] docs = r.getArrayOfStrings(15);
    return new DispatchRow(r.getUUID(0), r.getString(1), r.getString(2), r.getUUID(3), r.getString(4), r.getUUID(5), r.getString(6),
        r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getLong(11), r.getString(12), r.getString(13), r.getString(14),
        docs == null ? List.of() : Arrays.asList(docs), r.getInteger(16), at(r, 17), at(r, 18), at(r, 19), at(r, 20));
  }

  private static Instant at(Row r, int i) {
    var o = r.getOffsetDateTime(i);
    return o == null ? null : o.toInstant();
  }
}
