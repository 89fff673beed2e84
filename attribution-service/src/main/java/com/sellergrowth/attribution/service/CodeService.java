package com.sellergrowth.attribution.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellergrowth.attribution.config.AttributionConfig;
import com.sellergrowth.attribution.domain.CodeCsv;
import com.sellergrowth.attribution.domain.CodeDraft;
import com.sellergrowth.attribution.domain.CodeDraftValidator;
import com.sellergrowth.attribution.domain.CodeStatus;
import com.sellergrowth.attribution.domain.LinkKeys;
import com.sellergrowth.attribution.domain.LinkSigner;
import com.sellergrowth.attribution.domain.MarketingCode;
import com.sellergrowth.attribution.domain.ValidCode;
import com.sellergrowth.attribution.persistence.CodeStore;
import com.sellergrowth.attribution.persistence.Sql;
import com.sellergrowth.events.EventSerde;
import com.sellergrowth.events.attribution.MarketingCodeArchivedV1;
import com.sellergrowth.events.attribution.MarketingCodeCreatedV1;
import com.sellergrowth.support.idempotency.IdempotencyKeys;
import com.sellergrowth.support.problem.ApiException;
import com.sellergrowth.support.problem.FieldError;
import com.sellergrowth.support.targets.TargetPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Creates, imports and archives marketing codes (ATR-1..4). Each change commits with its event in the outbox. */
@ApplicationScoped
public class CodeService {
  private static final ObjectMapper JSON = EventSerde.mapper();

  private final CodeStore codes;
  private final Enrolment enrolment;
  private final Clock clock;
  private final AttributionConfig config;
  private final CodeDraftValidator validator;
  private final LinkSigner signer;

  public CodeService(CodeStore codes, Enrolment enrolment, Clock clock, AttributionConfig config) {
    this.codes = codes;
    this.enrolment = enrolment;
    this.clock = clock;
    this.config = config;
    this.validator = new CodeDraftValidator(new TargetPolicy(config.targets().allowedHosts()));
    this.signer = new LinkSigner(LinkKeys.parse(config.links().keys(), config.links().activeKey()));
  }

  /** One import row's outcome: CREATED, EXISTING (an active twin; nothing created), VALID (dry run) or REJECTED. */
  public record RowResult(int row, String status, UUID codeId, String link, List<FieldError> errors) {
  }

  /** An import's answer. */
  public record ImportResult(boolean dryRun, int rows, int created, int existing, int rejected, List<RowResult> results) {
  }

  /** ATR-1..3: creates one code; 422 with every field error, 403 ERR_403 when not enrolled, 409 when an active twin exists. */
  public Uni<MarketingCode> create(String sellerId, CodeDraft draft) {
    CodeDraftValidator.Result checked = validator.validate(draft);
    if (!checked.errors().isEmpty()) {
      throw ApiException.invalid(checked.errors());
    }
    return enrolment.require(sellerId).chain(() -> codes.pool().withTransaction(sql -> insert(sql, sellerId, checked.code(), clock.instant())
        .chain(created -> created.code() != null ? Uni.createFrom().item(created.code())
            : Uni.createFrom().failure(created.existing() != null
                ? new ApiException(409, "ERR_CODE_EXISTS", "Code exists", "an active code with the same parameters exists: " + created.existing().id())
                : changedMeanwhile()))));
  }

  /** The outcome of one insert: the new code, or the active twin that prevented it. */
  private record Inserted(MarketingCode code, MarketingCode existing) {
  }

  private Uni<Inserted> insert(SqlClient sql, String sellerId, ValidCode valid, Instant now) {
    UUID id = UUID.randomUUID();
    MarketingCode code = new MarketingCode(id, sellerId, valid, signer.link(config.links().baseUrl(), id, sellerId, valid), signer.activeKeyId(),
        CodeStatus.ACTIVE, 1, now, null);
    return codes.insert(sql, code).chain(inserted -> inserted
        ? Sql.outbox(sql, id.toString(), new MarketingCodeCreatedV1(id.toString(), sellerId, valid.utm().source(), valid.utm().medium(),
            valid.utm().campaign(), valid.utm().content(), valid.utm().term(), valid.target(), code.keyId(), now), now)
            .replaceWith(new Inserted(code, null))
        : codes.findActiveTwin(sql, sellerId, valid).map(twin -> new Inserted(null, twin)));
  }

  /**
   * ATR-4: imports a CSV of at most {@code attribution.api.max-import-rows} rows in one transaction: valid rows are created
   * (or found: an active twin is reported EXISTING and nothing is created), invalid rows are not, each with its reasons. A dry
   * run checks everything and writes nothing. The same file uploaded again is answered as the first time and creates nothing.
   */
  public Uni<ImportResult> importCsv(String sellerId, byte[] file, boolean dryRun) {
    if (file.length == 0 || file.length > config.api().maxImportBytes()) {
      throw ApiException.invalid(List.of(new FieldError("file", "ERR_CSV_SIZE", "1 to " + config.api().maxImportBytes() + " bytes")));
    }
    CodeCsv.Parsed parsed = CodeCsv.parse(file, config.api().maxImportRows());
    if (!parsed.fileErrors().isEmpty()) {
      throw new ApiException(422, "ERR_CSV", "The file cannot be imported", "nothing was imported", parsed.fileErrors());
    }
    String sha = IdempotencyKeys.hash(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1));
    // Two uploads of one file at once: the second one's import row hits the primary key and its transaction rolls back; tried
    // again, it finds the first one's answer.
    return enrolment.require(sellerId).chain(() -> codes.pool().withTransaction(sql -> dryRun
        ? check(sql, sellerId, parsed, true)
        : sql.preparedQuery("SELECT result FROM code_import WHERE seller_id = $1 AND sha256 = $2").execute(Tuple.of(sellerId, sha))
            .chain(rows -> rows.size() > 0 ? Uni.createFrom().item(read(rows.iterator().next().getString(0)))
                : check(sql, sellerId, parsed, false).call(result -> sql.preparedQuery(
                        "INSERT INTO code_import(seller_id, sha256, result, created_at) VALUES ($1, $2, $3, $4)")
                    .execute(Tuple.of(sellerId, sha, write(result), Sql.odt(clock.instant())))))))
        .onFailure(Sql::isUniqueViolation).retry().atMost(2);
  }

  private Uni<ImportResult> check(SqlClient sql, String sellerId, CodeCsv.Parsed parsed, boolean dryRun) {
    Instant now = clock.instant();
    List<RowResult> results = new ArrayList<>();
    Map<ValidCode, Integer> seen = new HashMap<>();
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (CodeCsv.Row row : parsed.rows()) {
      if (!row.errors().isEmpty()) {
        results.add(new RowResult(row.row(), "REJECTED", null, null, row.errors()));
        continue;
      }
      CodeDraftValidator.Result checked = validator.validate(row.draft());
      if (!checked.errors().isEmpty()) {
        results.add(new RowResult(row.row(), "REJECTED", null, null, checked.errors()));
        continue;
      }
      Integer twinRow = seen.putIfAbsent(checked.code(), row.row());
      if (twinRow != null) {
        results.add(new RowResult(row.row(), "REJECTED", null, null,
            List.of(new FieldError("row", "ERR_CSV_DUPLICATE_ROW", "the same code as row " + twinRow))));
        continue;
      }
      if (dryRun) {
        chain = chain.chain(() -> codes.findActiveTwin(sql, sellerId, checked.code()).invoke(twin -> results.add(twin == null
            ? new RowResult(row.row(), "VALID", null, null, List.of())
            : new RowResult(row.row(), "EXISTING", twin.id(), twin.link(), List.of()))).replaceWithVoid());
      } else {
        chain = chain.chain(() -> insert(sql, sellerId, checked.code(), now).invoke(r -> results.add(r.code() != null
            ? new RowResult(row.row(), "CREATED", r.code().id(), r.code().link(), List.of())
            : r.existing() != null ? new RowResult(row.row(), "EXISTING", r.existing().id(), r.existing().link(), List.of())
            : new RowResult(row.row(), "REJECTED", null, null, List.of(new FieldError("row", "ERR_CONCURRENT_UPDATE",
                "a code with these parameters changed meanwhile; import the row again")))))
            .replaceWithVoid());
      }
    }
    return chain.map(v -> {
      List<RowResult> sorted = results.stream().sorted(java.util.Comparator.comparingInt(RowResult::row)).toList();
      return new ImportResult(dryRun, sorted.size(), count(sorted, "CREATED"), count(sorted, "EXISTING"), count(sorted, "REJECTED"), sorted);
    });
  }

  private static int count(List<RowResult> rows, String status) {
    return (int) rows.stream().filter(r -> r.status().equals(status)).count();
  }

  /** The active twin that refused an insert was archived before it could be read: the caller may simply retry. */
  private static ApiException changedMeanwhile() {
    return new ApiException(409, "ERR_CONCURRENT_UPDATE", "Conflict", "a code with the same parameters changed meanwhile; retry");
  }

  /** Archives a code at the version the seller read: 409 if it changed meanwhile, 404 if it is not the seller's. */
  public Uni<MarketingCode> archive(String sellerId, UUID id, int version) {
    Instant now = clock.instant();
    return codes.pool().withTransaction(sql -> codes.archive(sql, sellerId, id, version, now).chain(archived -> archived != null
        ? Sql.outbox(sql, id.toString(), new MarketingCodeArchivedV1(id.toString(), sellerId, now), now).replaceWith(archived)
        : codes.findOwned(sellerId, id).map(current -> {
          if (current == null) {
            throw ApiException.notFound("code " + id);
          }
          if (current.status() == CodeStatus.ARCHIVED) {
            throw new ApiException(409, "ERR_CODE_ARCHIVED", "Already archived", "the code was archived at " + current.archivedAt());
          }
          throw new ApiException(409, "ERR_CONCURRENT_UPDATE", "Conflict",
              "the code is at version " + current.version() + ", not " + version + "; read it again and retry");
        })));
  }

  private static String write(ImportResult r) {
    try {
      return JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ImportResult read(String json) {
    try {
      return JSON.readValue(json, ImportResult.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
