package com.sellergrowth.gift.api;

import com.sellergrowth.gift.domain.GiftDraft;
import java.util.List;

/** Request bodies of the gift endpoints, read strictly (StrictJson) and checked field by field (Check). */
final class GiftRequests {
  private GiftRequests() {
  }

  /** The packaging a gift ships in (GFT-7). */
  enum Packaging {
    PLATFORM, OWN
  }

  /** What the seller declares of the package front photo (GFT-2). */
  record PackageFront(Boolean notForSale, Boolean brandLogo) {
  }

  /** A gift SKU (GFT-2); {@code version} only when editing. */
  record GiftBody(String name, String categoryId, String composition, Long weightGrams, String packaging, String packagingRegistration,
      String filingNumber, String msdsReference, List<String> certificationMarks, PackageFront packageFront, Boolean noInfringementDeclared,
      Integer version) {

    GiftDraft toDraft() {
      return toDraft(new Check());
    }

    /** The draft, or a 422 with every error: those {@code c} already holds and the body's own. */
    GiftDraft toDraft(Check c) {
      String n = c.text("name", name, 120);
      String cat = c.matching("categoryId", categoryId, Check.KEY, "a category id: 1 to 64 of A-Z a-z 0-9 . _ : / -");
      String comp = c.optionalText("composition", composition, 500);
      long weight = c.range("weightGrams", weightGrams, 1, 2000);
      Packaging p = c.choice("packaging", packaging, Packaging.class);
      String reg = c.optionalText("packagingRegistration", packagingRegistration, 64);
      String filing = c.optionalText("filingNumber", filingNumber, 64);
      String msds = c.optionalText("msdsReference", msdsReference, 200);
      var marks = c.list("certificationMarks", certificationMarks, 10, java.util.regex.Pattern.compile("[A-Z0-9]{1,16}"),
          "a certification mark such as CE or FCC");
      boolean front = false;
      boolean logo = false;
      if (packageFront == null) {
        c.add("packageFront", "ERR_REQUIRED", "required: {notForSale, brandLogo}, what the package front photo shows");
      } else {
        front = c.flag("packageFront.notForSale", packageFront.notForSale());
        logo = c.flag("packageFront.brandLogo", packageFront.brandLogo());
      }
      boolean declared = c.flag("noInfringementDeclared", noInfringementDeclared);
      c.done();
      return new GiftDraft(n, cat, comp, (int) weight, p.name(), reg, filing, msds, List.copyOf(marks), front, logo, declared);
    }
  }

  record Versioned(Integer version) {
  }

  /** An operator's decision (GFT-2): a rejection names at least one reason code. */
  record Decision(Integer version, List<String> reasonCodes, String note) {
  }

  record Transfer(String transferId, Long quantity) {
  }

  record Rule(String giftId, Long thresholdMinor, String currency, List<String> categories, List<String> countries, Long priority) {
  }

  record Label(Integer version, String nfeNumber, List<String> documents, String packaging, String packagingRegistration) {
  }
}
