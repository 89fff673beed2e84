package com.sellergrowth.gift.service;

import static com.sellergrowth.support.sql.PgSql.odt;

import com.sellergrowth.gift.persistence.GiftStore;
import com.sellergrowth.support.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * GFT-4: gifts ship only from the dedicated gift warehouse, and stock gets there only by a transfer. A transfer carries the
 * seller's transfer id: a retry of the same transfer counts once, the same id for another transfer is refused.
 */
@ApplicationScoped
public class StockService {
  /** Most units one gift may hold in the warehouse: bounds every sum. */
  public static final long MAX_ON_HAND = 1_000_000_000L;
  private final Pool pool;
  private final GiftStore gifts;
  private final SellerService sellers;
  private final Clock clock;

  public StockService(Pool pool, GiftStore gifts, SellerService sellers, Clock clock) {
    this.pool = pool;
    this.gifts = gifts;
    this.sellers = sellers;
    this.clock = clock;
  }

  /** A transfer's result: whether this call moved the units (false: a retry of an earlier transfer) and the stock after it. */
  public record Transfer(String transferId, UUID giftId, long quantity, boolean applied, GiftStore.Stock stock) {
  }

  public Uni<Transfer> transferIn(String sellerId, UUID giftId, String transferId, long quantity) {
    Instant now = clock.instant();
    return pool.withTransaction(sql -> gifts.find(sql, giftId, sellerId, false).chain(g -> {
      if (g == null) {
        throw ApiException.notFound("gift " + giftId);
      }
      if (!g.status().equals("APPROVED")) {
        throw new ApiException(409, "ERR_GIFT_STATE", "Not approved", "stock is transferred for an APPROVED gift; this one is " + g.status());
      }
      return sql.preparedQuery("INSERT INTO stock_transfer(seller_id, transfer_id, gift_id, quantity, at) VALUES ($1, $2, $3, $4, $5) "
              + "ON CONFLICT DO NOTHING RETURNING transfer_id").execute(Tuple.of(sellerId, transferId, giftId, quantity, odt(now)))
          .chain(inserted -> {
            if (inserted.size() == 1) {
              // a new transfer needs GFT-1 now (a refusal rolls the insert back); a retry of one made earlier answers as then
              return sellers.requireEligible(sql, sellerId).chain(() -> sql.preparedQuery("UPDATE gift_stock SET on_hand = on_hand + $2 "
                      + "WHERE gift_id = $1 AND on_hand + $2 <= $3 "
                      + "RETURNING on_hand, reserved").execute(Tuple.of(giftId, quantity, MAX_ON_HAND))
                  .map(rows -> {
                    if (rows.size() == 0) {
                      throw new ApiException(422, "ERR_STOCK_LIMIT", "Too much stock",
                          "a gift holds at most " + MAX_ON_HAND + " units in the gift warehouse");
                    }
                    Row r = rows.iterator().next();
                    return new Transfer(transferId, giftId, quantity, true, new GiftStore.Stock(r.getLong(0), r.getLong(1)));
                  }));
            }
            return sql.preparedQuery("SELECT gift_id, quantity FROM stock_transfer WHERE seller_id = $1 AND transfer_id = $2")
                .execute(Tuple.of(sellerId, transferId)).chain(rows -> {
                  Row r = rows.iterator().next();
                  if (!r.getUUID(0).equals(giftId) || r.getLong(1) != quantity) {
                    throw new ApiException(409, "ERR_TRANSFER_ID_REUSED", "Transfer id in use",
                        "transfer " + transferId + " moved " + r.getLong(1) + " units of gift " + r.getUUID(0) + "; use a new transfer id");
                  }
                  return gifts.stock(sql, giftId).map(s -> new Transfer(transferId, giftId, quantity, false, s));
                });
          });
    }));
  }
}
