package com.sellergrowth.gift.domain;

import java.util.List;

/**
 * A gift SKU as the seller declares it (GFT-2). {@code packaging}: PLATFORM (the platform's recommended packaging) or OWN (the
 * seller's, which needs a registration number: ERR-407 at labelling otherwise). The package front flags are what the seller
 * declares of the PACKAGE_FRONT photo: the words "NOT FOR SALE" and the brand logo.
 */
public record GiftDraft(String name, String categoryId, String composition, int weightGrams, String packaging, String packagingRegistration,
    String filingNumber, String msdsReference, List<String> certificationMarks, boolean frontNotForSale, boolean frontBrandLogo,
    boolean noInfringementDeclared) {
}
