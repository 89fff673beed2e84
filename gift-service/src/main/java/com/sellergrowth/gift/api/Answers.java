package com.sellergrowth.gift.api;

import com.sellergrowth.gift.domain.Tariff;
import com.sellergrowth.gift.persistence.DispatchRow;
import com.sellergrowth.gift.persistence.GiftRow;
import com.sellergrowth.gift.persistence.GiftStore;
import com.sellergrowth.gift.service.DispatchService;
import com.sellergrowth.gift.service.GiftService;
import com.sellergrowth.gift.service.RuleService;
import com.sellergrowth.gift.service.StockService;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies. */
final class Answers {
  private Answers() {
  }

  record Stock(long onHand, long reserved, long available) {
    static Stock of(GiftStore.Stock s) {
      return new Stock(s.onHand(), s.reserved(), s.available());
    }
  }

  record Gift(UUID id, String sellerId, String name, String categoryId, String composition, int weightGrams, String packaging,
      String packagingRegistration, String filingNumber, String msdsReference, List<String> certificationMarks, boolean frontNotForSale,
      boolean frontBrandLogo, boolean noInfringementDeclared, String status, List<String> reasons, String reviewNote, int version,
      Instant createdAt, Instant submittedAt, Instant reviewedAt, String reviewedBy, List<GiftStore.Photo> photos, Stock stock,
      List<GiftStore.Audit> history) {

    static Gift of(GiftRow g, List<GiftStore.Photo> photos, GiftStore.Stock stock, List<GiftStore.Audit> history) {
      var d = g.draft();
      return new Gift(g.id(), g.sellerId(), d.name(), d.categoryId(), d.composition(), d.weightGrams(), d.packaging(), d.packagingRegistration(),
          d.filingNumber(), d.msdsReference(), d.certificationMarks(), d.frontNotForSale(), d.frontBrandLogo(), d.noInfringementDeclared(),
          g.status(), g.reasons(), g.reviewNote(), g.version(), g.createdAt(), g.submittedAt(), g.reviewedAt(), g.reviewedBy(), photos,
          stock == null ? null : Stock.of(stock), history);
    }

    static Gift of(GiftService.GiftView v) {
      return of(v.gift(), v.photos(), v.stock(), v.history());
    }

    static Gift summary(GiftRow g) {
      return of(g, null, null, null);
    }
  }

  record Transfer(String transferId, UUID giftId, long quantity, boolean applied, Stock stock) {
    static Transfer of(StockService.Transfer t) {
      return new Transfer(t.transferId(), t.giftId(), t.quantity(), t.applied(), Stock.of(t.stock()));
    }
  }

  record Rule(UUID id, UUID giftId, long thresholdMinor, String currency, List<String> categories, List<String> countries, int priority,
      boolean active, int version, Instant createdAt) {
    static Rule of(RuleService.RuleRow r) {
      var t = r.rule();
      return new Rule(t.id(), t.giftId(), t.thresholdMinor(), t.currency(), t.categories().stream().sorted().toList(),
          t.countries().stream().sorted().toList(), t.priority(), r.active(), r.version(), t.createdAt());
    }
  }

  record Dispatch(UUID id, String orderId, UUID giftId, String giftName, UUID ruleId, String buyerId, String country, String status,
      String failureCode, String waybill, Long feeMinor, String feeCurrency, List<Tariff.Line> feeLines, String nfeNumber, List<String> documents,
      List<String> requiredDocuments, int version, Instant createdAt, Instant confirmBy, Instant labelledAt, Instant endedAt, String labelUrl) {
    static Dispatch of(DispatchRow d, List<String> requiredDocuments) {
      boolean printable = d.waybill() != null && (d.status().equals("LABELLED") || d.status().equals("SHIPPED"));
      return new Dispatch(d.id(), d.orderId(), d.giftId(), d.giftName(), d.ruleId(), d.buyerId(), d.country(), d.status(), d.failureCode(),
          d.waybill(), d.feeMinor(), d.feeCurrency(), DispatchService.feeLines(d), d.nfeNumber(), d.documents(), requiredDocuments, d.version(),
          d.createdAt(), d.confirmBy(), d.labelledAt(), d.endedAt(), printable ? "/v1/dispatches/" + d.id() + "/label.pdf" : null);
    }
  }
}
