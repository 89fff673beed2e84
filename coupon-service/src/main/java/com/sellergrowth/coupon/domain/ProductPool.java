package com.sellergrowth.coupon.domain;

import java.util.List;

/** CPN-6: the products a coupon applies to, by SPU, category or brand (any combination; a product matching any one is in). */
public record ProductPool(List<String> spus, List<String> categories, List<String> brands) {
  public ProductPool {
    spus = spus == null ? List.of() : List.copyOf(spus);
    categories = categories == null ? List.of() : List.copyOf(categories);
    brands = brands == null ? List.of() : List.copyOf(brands);
  }

  public boolean isEmpty() {
    return spus.isEmpty() && categories.isEmpty() && brands.isEmpty();
  }

  public boolean contains(String spuId, String categoryId, String brandId) {
    return spus.contains(spuId) || categories.contains(categoryId) || (brandId != null && brands.contains(brandId));
  }
}
