package com.sellergrowth.gift.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * GFT-2's automatic checks, run when a seller submits a gift, before any operator sees it. Each failure is a reason code;
 * a gift with any goes back to the seller with all of them (REJECTED, stage AUTOMATIC).
 */
public final class GiftChecks {
  public static final String PACKAGE_FRONT_PHOTO = "GFT_PACKAGE_FRONT_PHOTO_MISSING";
  public static final String NOT_FOR_SALE = "GFT_NOT_FOR_SALE_MISSING";
  public static final String BRAND_LOGO = "GFT_BRAND_LOGO_MISSING";
  public static final String COMPOSITION = "GFT_COMPOSITION_MISSING";
  public static final String FILING = "GFT_FILING_OR_MSDS_MISSING";
  public static final String CERTIFICATION = "GFT_CERTIFICATION_MARK_MISSING";
  public static final String INFRINGEMENT = "GFT_NO_INFRINGEMENT_DECLARATION_MISSING";
  public static final String PACKAGING = "GFT_PACKAGING_NOT_REGISTERED";

  private final Set<String> filingCategories;
  private final Set<String> certificationCategories;
  private final Set<String> certificationMarks;

  public GiftChecks(Collection<String> filingCategories, Collection<String> certificationCategories, Collection<String> certificationMarks) {
    this.filingCategories = Set.copyOf(filingCategories);
    this.certificationCategories = Set.copyOf(certificationCategories);
    this.certificationMarks = Set.copyOf(certificationMarks);
  }

  /** Every reason code the gift fails on, in a stable order; empty when it may go to the review queue. */
  public List<String> failures(GiftDraft g, Collection<PhotoRole> photos) {
    List<String> out = new ArrayList<>();
    if (!photos.contains(PhotoRole.PACKAGE_FRONT)) {
      out.add(PACKAGE_FRONT_PHOTO);
    }
    if (!g.frontNotForSale()) {
      out.add(NOT_FOR_SALE);
    }
    if (!g.frontBrandLogo()) {
      out.add(BRAND_LOGO);
    }
    if (blank(g.composition())) {
      out.add(COMPOSITION);
    }
    if (filingCategories.contains(g.categoryId()) && blank(g.filingNumber()) && blank(g.msdsReference())) {
      out.add(FILING);
    }
    if (certificationCategories.contains(g.categoryId()) && g.certificationMarks().stream().noneMatch(certificationMarks::contains)) {
      out.add(CERTIFICATION);
    }
    if (!g.noInfringementDeclared()) {
      out.add(INFRINGEMENT);
    }
    if ("OWN".equals(g.packaging()) && blank(g.packagingRegistration())) {
      out.add(PACKAGING); // the seller's own packaging needs its registration (GFT-7 would fail every dispatch with ERR-407)
    }
    return out;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
