package org.fulcrum.web;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BinarySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fulcrum.casefile.CaseSchema;
import org.fulcrum.casefile.CaseValidator;
import org.fulcrum.casefile.Field;
import org.fulcrum.casefile.Phase;
import org.fulcrum.casefile.RecordSchema;
import org.fulcrum.casefile.Tempo;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The API description at {@code /v3/api-docs}, made for generated clients: a real title, version
 * and contact; the security schemes (HTTP basic, bearer tokens, and OpenID Connect when an issuer is
 * configured); operation ids that say what each operation does; one schema per answer type (nested
 * classes are named with their outer class, so {@code PatronAnalysis.Ranking} and {@code
 * BrokerCentrality.Ranking} stay apart); record fields marked required, and nullable where the
 * answer carries {@code null}; record bodies typed from the schema descriptor ({@link
 * CaseSchema}); 201, 204 and the problem+json errors declared. {@code OpenApiContractIT} lints it and
 * validates real answers against it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  static final String PROBLEM = "application/problem+json";
  static final String BASIC = "basicAuth";
  static final String BEARER = "bearerAuth";
  static final String OIDC = "oidc";
  /** The description of a schema any JSON value matches. */
  static final String ANY = "any JSON value";

  /** What each operation does, by controller and handler method. */
  static final Map<String, String> OPERATION_IDS = Map.ofEntries(
      Map.entry("SchemaController.get", "getDatasetSchema"),
      Map.entry("LeverageController.paths", "findLeveragePaths"),
      Map.entry("LeverageController.influence", "rankInfluence"),
      Map.entry("LeverageController.patrons", "rankPatrons"),
      Map.entry("LeverageController.chokepoints", "findSupplyChokepoints"),
      Map.entry("LeverageController.centrality", "rankBrokerCentrality"),
      Map.entry("LeverageController.whatIf", "compareWhatIf"),
      Map.entry("EngagementController.plan", "planEngagement"),
      Map.entry("EngagementController.redTeam", "redTeamEngagementPlan"),
      Map.entry("EngagementController.forums", "assessForumShopping"),
      Map.entry("EngagementController.playbook", "getPlaybook"),
      Map.entry("CaseRecordController.actors", "listActors"),
      Map.entry("CaseRecordController.actor", "getActor"),
      Map.entry("CaseRecordController.createActor", "createActor"),
      Map.entry("CaseRecordController.putActor", "createOrReplaceActor"),
      Map.entry("CaseRecordController.deleteActor", "deleteActor"),
      Map.entry("CaseRecordController.ties", "listTies"),
      Map.entry("CaseRecordController.tie", "getTie"),
      Map.entry("CaseRecordController.createTie", "createTie"),
      Map.entry("CaseRecordController.putTie", "createOrReplaceTie"),
      Map.entry("CaseRecordController.deleteTie", "deleteTie"),
      Map.entry("CaseRecordController.messages", "listMessages"),
      Map.entry("CaseRecordController.message", "getMessage"),
      Map.entry("CaseRecordController.createMessage", "createMessage"),
      Map.entry("CaseRecordController.putMessage", "createOrReplaceMessage"),
      Map.entry("CaseRecordController.deleteMessage", "deleteMessage"),
      Map.entry("CaseRecordController.sources", "listSources"),
      Map.entry("CaseRecordController.source", "getSource"),
      Map.entry("CaseRecordController.createSource", "createSource"),
      Map.entry("CaseRecordController.putSource", "createOrReplaceSource"),
      Map.entry("CaseRecordController.deleteSource", "deleteSource"),
      Map.entry("CaseController.importJson", "importCase"),
      Map.entry("CaseController.importZip", "importCaseCsvZip"),
      Map.entry("CaseController.importGraphMl", "importCaseGraphMl"),
      Map.entry("CaseController.list", "listCases"),
      Map.entry("CaseController.get", "getCaseSummary"),
      Map.entry("CaseController.export", "exportCase"),
      Map.entry("CaseController.history", "getCaseHistory"),
      Map.entry("CaseController.delete", "deleteCase"),
      Map.entry("OpenDataController.build", "buildCaseFromOpenData"),
      Map.entry("MessageConsistencyController.check", "checkMessageConsistency"),
      Map.entry("UserController.list", "listUsers"),
      Map.entry("UserController.create", "createUser"),
      Map.entry("UserController.role", "changeUserRole"),
      Map.entry("UserController.delete", "deleteUser"),
      Map.entry("UserController.me", "getCurrentUser"),
      Map.entry("UserController.password", "changeOwnPassword"),
      Map.entry("UserController.token", "issueApiToken"),
      Map.entry("UserController.tokens", "listApiTokens"),
      Map.entry("UserController.revoke", "revokeApiToken"),
      Map.entry("UserController.access", "getCaseAccess"),
      Map.entry("UserController.restrict", "changeCaseAccess"));

  /** The operations that answer 201 Created (the others that succeed with a body answer 200). */
  static final Set<String> CREATED = Set.of("importCase", "importCaseCsvZip", "importCaseGraphMl",
      "createActor", "createTie", "createMessage", "createSource", "buildCaseFromOpenData",
      "createUser", "issueApiToken");

  /** Record bodies, by the operation that takes one: the descriptor's kind. */
  static final Map<String, RecordSchema<?>> RECORD_BODIES = Map.of(
      "createActor", CaseSchema.ACTOR, "createOrReplaceActor", CaseSchema.ACTOR,
      "createTie", CaseSchema.TIE, "createOrReplaceTie", CaseSchema.TIE,
      "createMessage", CaseSchema.MESSAGE, "createOrReplaceMessage", CaseSchema.MESSAGE,
      "createSource", CaseSchema.SOURCE, "createOrReplaceSource", CaseSchema.SOURCE);

  @Bean
  OpenAPI fulcrumOpenApi(ObjectProvider<BuildProperties> build,
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
    BuildProperties b = build.getIfAvailable();
    String version = b != null ? b.getVersion()
        : java.util.Objects.requireNonNullElse(OpenApiConfiguration.class.getPackage()
            .getImplementationVersion(), "development build");
    Components components = new Components()
        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("A Fulcrum user name and password"))
        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
            .scheme("bearer").description("A personal API token (POST /api/users/me/tokens)"
                + (issuer.isBlank() ? "" : ", or an access token (JWT) from " + issuer)));
    OpenAPI api = new OpenAPI()
        .info(new Info().title("Fulcrum API").version(version)
            .description("Stakeholder leverage analysis for halting mass atrocities: cases, their"
                + " records, and the analyses. See docs/api.md.")
            .contact(new Contact().name("Fulcrum maintainers")
                .url("https://github.com/fulcrum-project/fulcrum"))
            .license(new License().name("See the repository's LICENSE")))
        .components(components)
        .addSecurityItem(new SecurityRequirement().addList(BASIC))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
    if (!issuer.isBlank()) {
      components.addSecuritySchemes(OIDC, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
          .openIdConnectUrl(issuer.replaceAll("/$", "") + "/.well-known/openid-configuration"));
      api.addSecurityItem(new SecurityRequirement().addList(OIDC));
    }
    return api;
  }

  /** Names nested answer classes {@code OuterInner} and marks record fields required/nullable. */
  @Bean
  ModelConverter fulcrumModelConverter() {
    return new RecordModelConverter();
  }

  @Bean
  OperationCustomizer fulcrumOperations() {
    return (operation, handler) -> describe(operation, handler);
  }

  @Bean
  OpenApiCustomizer fulcrumComponents() {
    return OpenApiConfiguration::components;
  }

  // ---- operations ---------------------------------------------------------------------------

  static Operation describe(Operation operation, HandlerMethod handler) {
    String key = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
    String id = OPERATION_IDS.get(key);
    if (id != null) {
      operation.setOperationId(id);
    }
    ApiResponses responses = operation.getResponses() == null ? new ApiResponses()
        : operation.getResponses();
    ApiResponse ok = responses.get("200");
    boolean write = handler.hasMethodAnnotation(PostMapping.class)
        || handler.hasMethodAnnotation(PutMapping.class)
        || handler.hasMethodAnnotation(DeleteMapping.class);
    if (id != null && CREATED.contains(id) && ok != null) {
      responses.remove("200");
      responses.addApiResponse("201", ok.description("Created"));
    }
    boolean voidAnswer = handler.getReturnType().getParameterType() == Void.TYPE
        || handler.getReturnType().getGenericParameterType().getTypeName()
            .equals("org.springframework.http.ResponseEntity<java.lang.Void>");
    if (voidAnswer) {
      responses.remove("200");
      responses.addApiResponse("204", new ApiResponse().description("Done; no content"));
    }
    if (id != null && id.startsWith("createOrReplace") && ok != null) {
      responses.addApiResponse("201", new ApiResponse().description("Created")
          .content(ok.getContent()));
    }
    RecordSchema<?> body = id == null ? null : RECORD_BODIES.get(id);
    if (body != null) {
      operation.setRequestBody(new RequestBody().required(true).content(new Content()
          .addMediaType("application/json", new MediaType().schema(ref(schemaName(body))))));
    }
    Map<String, Schema<?>> importBodies = Map.of("importCase", ref("CaseFile"),
        "importCaseCsvZip", new BinarySchema(), "importCaseGraphMl", new StringSchema());
    if (id != null && importBodies.containsKey(id)) {
      String type = switch (id) {
        case "importCase" -> "application/json";
        case "importCaseCsvZip" -> "application/zip";
        default -> "application/graphml+xml";
      };
      operation.setRequestBody(new RequestBody().required(true).content(new Content()
          .addMediaType(type, new MediaType().schema(importBodies.get(id)))));
    }
    if ("exportCase".equals(id) && ok != null) {
      ok.setContent(new Content()
          .addMediaType("application/json", new MediaType().schema(ref("CaseFile")))
          .addMediaType("application/zip", new MediaType().schema(new BinarySchema()))
          .addMediaType("application/graphml+xml", new MediaType().schema(new StringSchema()))
          .addMediaType("application/gexf+xml", new MediaType().schema(new StringSchema())));
    }
    problem(responses, "400", "Bad request: a parameter or the body is invalid (each problem named)");
    problem(responses, "401", "Not signed in");
    problem(responses, "403", "Signed in without the role or case access this needs");
    if (handler.getMethod().getParameterCount() > 0 || write) {
      problem(responses, "404", "No such case or record");
    }
    if (write) {
      problem(responses, "409", "Conflicts with the case's current state (an id taken, a record"
          + " cited, or changed by someone else)");
      problem(responses, "413", "The body is larger than the configured limit");
    }
    if (id != null && (id.startsWith("createOrReplace") || (id.startsWith("delete")
        && RECORD_BODIES.containsKey(id.replace("delete", "create"))))) {
      problem(responses, "428", "Replacing or deleting a record needs If-Match with its version");
    }
    problem(responses, "500", "Unexpected failure (the answer's reference is in the server log)");
    problem(responses, "503", "The store is unavailable");
    operation.setResponses(responses);
    return operation;
  }

  private static void problem(ApiResponses responses, String status, String description) {
    responses.computeIfAbsent(status, s -> new ApiResponse().description(description))
        .setContent(new Content().addMediaType(PROBLEM, new MediaType().schema(ref("Problem"))));
  }

  private static Schema<?> ref(String name) {
    return new Schema<>().$ref("#/components/schemas/" + name);
  }

  // ---- components ---------------------------------------------------------------------------

  static void components(OpenAPI api) {
    Map<String, Schema> schemas = api.getComponents().getSchemas();
    if (schemas == null) {
      schemas = new LinkedHashMap<>();
      api.getComponents().setSchemas(schemas);
    }
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      schemas.put(schemaName(kind), recordSchema(kind));
    }
    schemas.put("CaseFile", caseFileSchema());
    schemas.put("Problem", problemSchema());
    requestOnlyFieldsOptional(api, schemas);
  }

  /**
   * The answer types' fields are all present ({@link RecordModelConverter}); a request's may be
   * left out. Schemas reached from request bodies (but the descriptor's records) lose the required
   * list the converter gave them.
   */
  private static void requestOnlyFieldsOptional(OpenAPI api, Map<String, Schema> schemas) {
    Set<String> fromRequests = new java.util.HashSet<>();

    for (PathItem item : api.getPaths().values()) {
      for (Operation op : item.readOperations()) {
        if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
          op.getRequestBody().getContent().values()
              .forEach(m -> reach(m.getSchema(), schemas, fromRequests));
        }
      }
    }
    Set<String> records = new java.util.HashSet<>(List.of("CaseFile", "Problem"));
    CaseSchema.KINDS.forEach(k -> records.add(schemaName(k)));
    for (String name : fromRequests) {
      // a schema both sent and answered (a what-if's scenario) is described as a request may send it
      if (!records.contains(name) && schemas.containsKey(name)) {
        schemas.get(name).setRequired(null);
      }
    }
    schemas.values().forEach(OpenApiConfiguration::anyValuedMaps);
  }

  /**
   * A {@code Map<String, Object>} (a what-if's parameters) holds any JSON values; swagger-core
   * describes its values as objects.
   */
  @SuppressWarnings("rawtypes")
  private static void anyValuedMaps(Schema<?> schema) {
    if (schema == null) {
      return;
    }
    if (schema.getAdditionalProperties() instanceof Schema<?> values && values.get$ref() == null
        && "object".equals(values.getType()) && values.getProperties() == null
        && (values.getAdditionalProperties() == null || ANY.equals(values.getDescription()))) {
      Schema<Object> any = new Schema<>();
      any.setDescription(ANY);
      schema.setAdditionalProperties(any);
    }
    if (ANY.equals(schema.getDescription())) {
      // swagger-core adds "type: object" to the converter's any-value schema
      schema.setType(null);
      schema.setTypes(null);
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> anyValuedMaps(p));
    }
    anyValuedMaps(schema.getItems());
  }

  @SuppressWarnings("rawtypes")
  private static void reach(Schema<?> schema, Map<String, Schema> schemas, Set<String> seen) {
    if (schema == null) {
      return;
    }
    if (schema.get$ref() != null) {
      String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
      if (seen.add(name) && schemas.containsKey(name)) {
        reach(schemas.get(name), schemas, seen);
      }
      return;
    }
    if (schema.getProperties() != null) {
      schema.getProperties().values().forEach(p -> reach(p, schemas, seen));
    }
    reach(schema.getItems(), schemas, seen);
    if (schema.getAdditionalProperties() instanceof Schema<?> a) {
      reach(a, schemas, seen);
    }
    for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
        schema.getOneOf())) {
      if (list != null) {
        list.forEach(p -> reach(p, schemas, seen));
      }
    }
  }

  static String schemaName(RecordSchema<?> kind) {
    return kind.type().getSimpleName();
  }

  /** A record kind as JSON Schema, from its descriptor: the same fields the validator checks. */
  static Schema<?> recordSchema(RecordSchema<?> kind) {
    ObjectSchema schema = new ObjectSchema();
    schema.setDescription("A " + kind.kind() + " of the dataset format (GET /api/schema describes"
        + " the same fields)");
    schema.setAdditionalProperties(false);
    List<String> required = new ArrayList<>();
    for (Field f : kind.fields()) {
      schema.addProperty(f.name(), fieldSchema(f));
      if (f.isRequired()) {
        required.add(f.name());
      }
    }
    schema.setRequired(required);
    return schema;
  }

  private static Schema<?> fieldSchema(Field f) {
    Schema<?> s = switch (f.type()) {
      case NUMBER -> {
        NumberSchema n = new NumberSchema();
        Field.Range r = f.range();
        n.setMinimum(BigDecimal.valueOf(r.min()));
        if (!r.minInclusive()) {
          n.setExclusiveMinimum(true);
        }
        if (r.max() != null) {
          n.setMaximum(BigDecimal.valueOf(r.max()));
          if (!r.maxInclusive()) {
            n.setExclusiveMaximum(true);
          }
        }
        yield n;
      }
      case BOOLEAN -> new BooleanSchema();
      case DATE -> new DateSchema();
      case SOURCE_IDS -> new ArraySchema().items(new StringSchema()).minItems(1);
      case VOCABULARY -> {
        StringSchema v = new StringSchema();
        f.vocabulary().forEach(l -> v.addEnumItem(l.label()));
        yield v;
      }
      case ID -> new StringSchema().maxLength(CaseValidator.MAX_ID_LENGTH);
      case TEXT, ACTOR_ID -> new StringSchema().maxLength(CaseValidator.MAX_TEXT_LENGTH);
    };
    if (f.condition() != null) {
      s.setDescription("only when " + f.condition().field() + " is " + f.condition().value().label());
    }
    return s;
  }

  private static Schema<?> caseFileSchema() {
    ObjectSchema schema = new ObjectSchema();
    schema.setDescription("A whole case in the dataset format (docs/dataset-format.md)");
    schema.addProperty("id", new StringSchema());
    schema.addProperty("title", new StringSchema());
    schema.addProperty("description", new StringSchema());
    schema.addProperty("asOf", new DateSchema());
    StringSchema tempo = new StringSchema();
    for (Tempo t : Tempo.values()) {
      tempo.addEnumItem(t.label());
    }
    schema.addProperty("tempo", tempo);
    StringSchema phase = new StringSchema();
    for (Phase p : Phase.values()) {
      phase.addEnumItem(p.label());
    }
    schema.addProperty("phase", phase);
    for (RecordSchema<?> kind : CaseSchema.KINDS) {
      schema.addProperty(kind.collection(), new ArraySchema().items(ref(schemaName(kind))));
    }
    schema.setRequired(List.of("id", "title", "asOf", "tempo", "phase", "sources", "actors"));
    return schema;
  }

  private static Schema<?> problemSchema() {
    ObjectSchema schema = new ObjectSchema();
    schema.setDescription("RFC 9457 problem details; `errors` lists every problem of an import or"
        + " record write (file, line, path, field, message)");
    schema.addProperty("type", new StringSchema());
    schema.addProperty("title", new StringSchema());
    schema.addProperty("status", new IntegerSchema());
    schema.addProperty("detail", new StringSchema());
    schema.addProperty("instance", new StringSchema());
    schema.addProperty("reference", new StringSchema()
        .description("for a 500: the reference the server log carries"));
    schema.addProperty("errors", new ArraySchema().items(new ObjectSchema()));
    schema.setRequired(List.of("title", "status"));
    return schema;
  }

  // ---- answer types -------------------------------------------------------------------------
}
