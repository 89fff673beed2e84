package com.sellergrowth.coupon.testsupport;

import com.sellergrowth.coupon.testsupport.Fixtures.Shop;
import com.sellergrowth.events.platform.OrderLine;
import com.sellergrowth.events.platform.OrderSnapshot;
import java.util.List;

/** Orders as the platform's order service publishes them. */
public final class Orders {
  public static final String STANDARD = "AliExpress Standard Shipping";

  /** An order of {@code quantity} units of the shop's pool product at 50.00, plus optional claim ids. */
  public static OrderSnapshot order(Shop shop, String buyer, int quantity, String logistics, String... claimIds) {
    long amount = Fixtures.PRICE * quantity;
    return new OrderSnapshot(Fixtures.uid("order"), buyer, shop.sellerId(), "US", "USD", amount,
        List.of(new OrderLine(shop.sku(), shop.spu(), shop.category(), null, quantity, Fixtures.PRICE)), logistics, List.of(claimIds), null,
        "dev-" + buyer, "10.9.0.1");
  }

  private Orders() {
  }
}
