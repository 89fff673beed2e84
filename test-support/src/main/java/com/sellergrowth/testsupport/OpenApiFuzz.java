package com.sellergrowth.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Hostile input from a service's own OpenAPI document (SPEC section 9): for every operation, a valid-looking request built
 * from its schemas, then malformed variants of it, field by field and parameter by parameter: nulls (also inside lists),
 * wrong types, NUL and other control characters, 100k-character strings, numbers at and past 2^31 and 2^63, fractions where
 * whole numbers are expected, negative and zero values, unknown enum values, huge pages, deep nesting, duplicate keys,
 * unknown fields, broken JSON. Every answer must be below 500; the findings are the ones that are not.
 */
public final class OpenApiFuzz {
  /** Bodies are written in ASCII, escapes and all: a lone surrogate is sent as \\ud800, not turned into '?' by UTF-8 on the way. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String HUGE = "x".repeat(100_000);

  /** An answer of 500 or more, or a hostile value accepted: the request that got it. */
  public record Finding(String method, String path, String variant, int status, String body) {
    @Override
    public String toString() {
      return method + " " + path + " [" + variant + "] -> " + status + " " + body;
    }
  }

  private final String baseUrl;
  private final Function<String, String> tokenFor;
  private final Map<String, String> pathValues;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Map<String, String> validBodies = Map.of();
  private int requests;

  /**
   * @param baseUrl the service, e.g. http://localhost:8081
   * @param tokenFor the bearer token for a path (a seller's for seller paths, an operator's for /v1/operator/...); null: none
   * @param pathValues values for path parameters by name (an existing id makes the variants reach deeper); others get a UUID
   */
  public OpenApiFuzz(String baseUrl, Function<String, String> tokenFor, Map<String, String> pathValues) {
    this.baseUrl = baseUrl;
    this.tokenFor = tokenFor;
    this.pathValues = pathValues;
  }

  /**
   * Valid request bodies by "METHOD /path/template" (e.g. "POST /v1/coupons"): the variants start from a request the service
   * accepts, so that each reaches past validation into storage, and one that is accepted with a hostile value (a NUL, a
   * number past 2^63, a fraction, a lone surrogate) is a finding too: a silent acceptance. Other operations start from
   * a body made from their schema.
   */
  public OpenApiFuzz withValidBodies(Map<String, String> bodies) {
    this.validBodies = bodies;
    return this;
  }

  public int requests() {
    return requests;
  }

  /**
   * The operations of the document at /q/openapi that lack a summary, a success (2xx or 3xx) or a refusal (4xx): "method
   * path: what is missing" (STYLE: every endpoint documents every status it can answer).
   */
  public List<String> undocumented() throws Exception {
    JsonNode doc = JSON.readTree(send("GET", "/q/openapi?format=json", null, null, null).body());
    List<String> missing = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext();) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!List.of("get", "post", "put", "delete", "patch").contains(op.getKey())) {
          continue;
        }
        List<String> codes = new ArrayList<>();
        op.getValue().path("responses").fieldNames().forEachRemaining(codes::add);
        String what = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + p.getKey() + ": ";
        if (op.getValue().path("summary").asText("").isBlank()) {
          missing.add(what + "no summary");
        }
        if (codes.stream().noneMatch(c -> c.matches("[23]\\d\\d"))) {
          missing.add(what + "no success status");
        }
        if (codes.stream().noneMatch(c -> c.matches("4\\d\\d"))) {
          missing.add(what + "no refusal status");
        }
      }
    }
    return missing;
  }

  /** Fuzzes every operation of the document at /q/openapi; returns every 5xx answer. */
  public List<Finding> run() throws Exception {
    JsonNode doc = JSON.readTree(send("GET", "/q/openapi?format=json", null, null, null).body());
    JsonNode schemas = doc.path("components").path("schemas");
    List<Finding> findings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> p = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext();) {
        Map.Entry<String, JsonNode> op = ops.next();
        String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
        if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
          continue;
        }
        fuzz(method, p.getKey(), op.getValue(), schemas, findings);
      }
    }
    return findings;
  }

  private void fuzz(String method, String template, JsonNode op, JsonNode schemas, List<Finding> findings) throws Exception {
    List<String> query = new ArrayList<>();
    List<String> pathParams = new ArrayList<>();
    for (JsonNode param : op.path("parameters")) {
      if ("query".equals(param.path("in").asText())) {
        query.add(param.path("name").asText());
      } else if ("path".equals(param.path("in").asText())) {
        pathParams.add(param.path("name").asText());
      }
    }
    String path = template;
    for (String name : pathParams) {
      path = path.replace("{" + name + "}", pathValues.getOrDefault(name, UUID.randomUUID().toString()));
    }
    String token = tokenFor.apply(template);
    JsonNode bodySchema = op.path("requestBody").path("content").path("application/json").path("schema");
    String valid = validBodies.get(method + " " + template);
    JsonNode base = valid != null ? JSON.readTree(valid) : bodySchema.isMissingNode() ? null : example(bodySchema, schemas, 0);
    String contentType = base == null ? null : "application/json";
    String baseBody = base == null ? null : JSON.writeValueAsString(base);
    check(findings, method, path, "as documented", token, contentType, baseBody);
    // path parameters: malformed ids
    for (String name : pathParams) {
      for (String bad : List.of("%00", "not-an-id", "9".repeat(400), "%F0%9F%92%A9", "..%2F..%2Fetc")) {
        check(findings, method, template.replace("{" + name + "}", bad).replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
            "path " + name + "=" + bad, token, contentType, baseBody);
      }
    }
    // query parameters, one at a time
    for (String name : query) {
      for (String bad : List.of("%00", "2147483647", "2147483648", "9223372036854775807", "9223372036854775808", "-1", "0", "1.5", "1e400",
          "NOPE", enc("x".repeat(2_000)),
          "%EF%BC%91", "")) {
        check(findings, method, path + "?" + name + "=" + bad, "query " + name + "=" + bad, token, contentType, baseBody);
      }
    }
    if (base == null) {
      return;
    }
    // the body as a whole
    for (String whole : List.of("", "null", "[]", "{", "\"x\"", "1", "{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}",
        base instanceof ObjectNode ? base.toString().replaceFirst("\\{", "{\"unknownField\":1,") : "[null]")) {
      check(findings, method, path, "body " + abbreviate(whole), token, contentType, whole);
    }
    // field by field
    if (base instanceof ObjectNode obj) {
      for (String field : fieldPaths(obj, "")) {
        for (Map.Entry<String, JsonNode> v : variants().entrySet()) {
          ObjectNode copy = obj.deepCopy();
          set(copy, field, v.getValue());
          boolean hostile = valid != null && HOSTILE.contains(v.getKey());
          check(findings, method, path, field + "=" + v.getKey(), token, contentType, JSON.writeValueAsString(copy), hostile);
        }
        // a duplicate key
        String dup = obj.toString().replaceFirst("\\{", "{\"" + lastSegment(field) + "\":null,");
        check(findings, method, path, field + " twice", token, contentType, dup);
      }
    }
  }

  private static Map<String, JsonNode> variants() {
    Map<String, JsonNode> v = new LinkedHashMap<>();
    v.put("null", NODES.nullNode());
    v.put("NUL", NODES.textNode("a\u0000b"));
    v.put("control", NODES.textNode("a\u0007\u001bb"));
    v.put("lone surrogate", NODES.textNode("\ud800"));
    v.put("100k", NODES.textNode(HUGE));
    v.put("empty", NODES.textNode(""));
    v.put("2^31-1", NODES.numberNode(Integer.MAX_VALUE));
    v.put("2^31", NODES.numberNode(2_147_483_648L));
    v.put("2^62", NODES.numberNode(4_611_686_018_427_387_904L));
    v.put("2^63-1", NODES.numberNode(Long.MAX_VALUE));
    v.put("2^63", NODES.numberNode(new java.math.BigInteger("9223372036854775808")));
    v.put("-2^63-1", NODES.numberNode(new java.math.BigInteger("-9223372036854775809")));
    v.put("1.5", NODES.numberNode(1.5));
    v.put("-1", NODES.numberNode(-1));
    v.put("0", NODES.numberNode(0));
    v.put("true", NODES.booleanNode(true));
    v.put("NOPE", NODES.textNode("NOPE"));
    v.put("[null]", NODES.arrayNode().addNull());
    v.put("[[]]", NODES.arrayNode().add(NODES.arrayNode()));
    v.put("{}", NODES.objectNode());
    return v;
  }

  /** Variants no field may accept: a 2xx for one of them (from a valid body) is a silent acceptance. */
  private static final java.util.Set<String> HOSTILE = java.util.Set.of("NUL", "lone surrogate", "2^63", "-2^63-1", "1.5");

  private void check(List<Finding> findings, String method, String path, String variant, String token, String contentType, String body) {
    check(findings, method, path, variant, token, contentType, body, false);
  }

  private void check(List<Finding> findings, String method, String path, String variant, String token, String contentType, String body,
      boolean mustRefuse) {
    try {
      HttpResponse<String> r = send(method, path, token, contentType, body);
      if (r.statusCode() >= 500 || (mustRefuse && r.statusCode() < 300)) {
        findings.add(new Finding(method, path.length() > 120 ? path.substring(0, 120) + "..." : path, variant, r.statusCode(),
            abbreviate(r.body())));
      }
    } catch (IllegalArgumentException e) {
      // a URI the client itself refuses to send: no request reached the service
    } catch (Exception e) {
      findings.add(new Finding(method, path, variant, -1, e.toString()));
    }
  }

  private HttpResponse<String> send(String method, String path, String token, String contentType, String body) throws Exception {
    requests++;
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A value the schema accepts, as far as a schema says: enums take their first value, formats get a plausible value. */
  static JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
    if (depth > 8) {
      return NODES.nullNode();
    }
    if (schema.has("$ref")) {
      String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
      return example(schemas.path(name), schemas, depth + 1);
    }
    if (schema.has("allOf") && schema.path("allOf").size() > 0) {
      return example(schema.path("allOf").get(0), schemas, depth + 1);
    }
    if (schema.has("enum") && schema.path("enum").size() > 0) {
      return schema.path("enum").get(0);
    }
    String type = schema.path("type").asText("object");
    String format = schema.path("format").asText("");
    switch (type) {
      case "string":
        return NODES.textNode(switch (format) {
          case "uuid" -> UUID.randomUUID().toString();
          case "date" -> "2026-11-25";
          case "date-time" -> "2026-11-25T12:00:00Z";
          default -> "x";
        });
      case "integer":
        return NODES.numberNode(1);
      case "number":
        return NODES.numberNode(1);
      case "boolean":
        return NODES.booleanNode(true);
      case "array": {
        ArrayNode a = NODES.arrayNode();
        a.add(example(schema.path("items"), schemas, depth + 1));
        return a;
      }
      default: {
        ObjectNode o = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
          Map.Entry<String, JsonNode> p = it.next();
          o.set(p.getKey(), example(p.getValue(), schemas, depth + 1));
        }
        return o;
      }
    }
  }

  /** Every field of an object, nested ones as a.b, and the first element of lists as a[0]. */
  static List<String> fieldPaths(JsonNode node, String prefix) {
    List<String> out = new ArrayList<>();
    if (node instanceof ObjectNode o) {
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> f = it.next();
        String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
        out.add(path);
        out.addAll(fieldPaths(f.getValue(), path));
      }
    } else if (node instanceof ArrayNode a && a.size() > 0) {
      out.add(prefix + "[0]");
      out.addAll(fieldPaths(a.get(0), prefix + "[0]"));
    }
    return out;
  }

  private static void set(ObjectNode root, String path, JsonNode value) {
    JsonNode parent = root;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      parent = step(parent, parts[i]);
    }
    String last = parts[parts.length - 1];
    if (last.endsWith("[0]")) {
      JsonNode list = parent.path(last.substring(0, last.length() - 3));
      if (list instanceof ArrayNode a && a.size() > 0) {
        a.set(0, value);
      }
    } else if (parent instanceof ObjectNode o) {
      o.set(last, value);
    }
  }

  private static JsonNode step(JsonNode node, String part) {
    if (part.endsWith("[0]")) {
      return node.path(part.substring(0, part.length() - 3)).path(0);
    }
    return node.path(part);
  }

  private static String lastSegment(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1);
    return last.endsWith("[0]") ? last.substring(0, last.length() - 3) : last;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 160 ? s.substring(0, 160) + "..." : s;
  }
}
