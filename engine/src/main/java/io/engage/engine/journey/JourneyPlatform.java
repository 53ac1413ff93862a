package io.engage.engine.journey;

import io.camunda.client.CamundaClient;
import io.engage.engine.messaging.MessageService;
import io.camunda.client.api.command.MigrateProcessInstanceCommandStep1.MigrateProcessInstanceCommandFinalStep;
import io.engage.engine.platform.web.ApiProblemException;
import io.engage.engine.platform.web.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Lists journeys with live counts, pauses and resumes them, and migrates waiting instances. */
@Service
class JourneyPlatform {

  private final JourneyCatalog catalog;
  private final JourneyCatalogMapper catalogMapper;
  private final JourneyMapper instances;
  private final CamundaClient zeebe;
  private final JourneyProperties properties;
  private final MessageService messages;

  JourneyPlatform(JourneyCatalog catalog, JourneyCatalogMapper catalogMapper, JourneyMapper instances,
      CamundaClient zeebe, JourneyProperties properties, MessageService messages) {
    this.catalog = catalog;
    this.catalogMapper = catalogMapper;
    this.instances = instances;
    this.zeebe = zeebe;
    this.properties = properties;
    this.messages = messages;
  }

  List<JourneyOverview> list() {
    Map<String, List<JourneyVersion>> byJourney = new LinkedHashMap<>();
    catalog.allVersions().forEach(v -> byJourney.computeIfAbsent(v.journey(), k -> new ArrayList<>()).add(v));
    var paused = catalog.paused();
    return byJourney.entrySet().stream().map(e -> overview(e.getKey(), e.getValue(), paused.contains(e.getKey()))).toList();
  }

  JourneyOverview get(String journey) {
    List<JourneyVersion> versions = catalog.versions(journey);
    if (versions.isEmpty()) {
      throw ApiProblemException.notFound("Journey " + journey);
    }
    return overview(journey, versions, catalog.isPaused(journey));
  }

  JourneyOverview setPaused(String journey, boolean paused, String user) {
    get(journey);
    catalog.setStatus(journey, paused ? JourneyCatalog.PAUSED : JourneyCatalog.ACTIVE, user);
    return get(journey);
  }

  private JourneyOverview overview(String journey, List<JourneyVersion> versions, boolean paused) {
    Map<Integer, Map<String, Long>> counts = new LinkedHashMap<>();
    for (JourneyCatalogMapper.LiveCount count : catalogMapper.countLive(journey)) {
      Map<String, Long> atElements = counts.computeIfAbsent(count.version(), k -> new LinkedHashMap<>());
      List<String> positions = count.lastElementId() == null ? List.of("(starting)")
          : catalog.version(journey, count.version()).isPresent()
              ? catalog.model(journey, count.version()).positionsAfter(count.lastElementId())
              : List.of(count.lastElementId());
      positions.forEach(p -> atElements.merge(p, count.instances(), Long::sum));
    }
    Map<Integer, Long> liveByVersion = new LinkedHashMap<>();
    catalogMapper.countLive(journey).forEach(c -> liveByVersion.merge(c.version(), c.instances(), Long::sum));
    List<JourneyOverview.Version> versionViews = versions.stream().map(v -> {
      JourneyModel model = catalog.model(journey, v.version());
      List<JourneyOverview.ElementCount> elements = counts.getOrDefault(v.version(), Map.of()).entrySet().stream()
          .map(e -> new JourneyOverview.ElementCount(e.getKey(), model.nameOf(e.getKey()), e.getValue()))
          .toList();
      return new JourneyOverview.Version(v.version(), v.processDefinitionKey(), v.source(), v.deployedBy(),
          v.deployedAt(), liveByVersion.getOrDefault(v.version(), 0L), elements);
    }).toList();
    JourneyVersion latest = versions.getLast();
    return new JourneyOverview(journey, catalog.model(journey, latest.version()).name(),
        paused ? JourneyCatalog.PAUSED : JourneyCatalog.ACTIVE, latest.version(),
        liveByVersion.values().stream().mapToLong(Long::longValue).sum(), versionViews);
  }

  record Mapping(String sourceElementId, String targetElementId) {}

  record MigrationRequest(Integer fromVersion, Integer toVersion, List<Mapping> mappings) {}

  record Failure(long processInstanceKey, String reason) {}

  record MigrationReport(String journey, int fromVersion, int toVersion, int migrated, int failed,
      List<Failure> failures) {}

  /** Moves every waiting instance of one version to another with Zeebe's process instance migration. */
  MigrationReport migrate(String journey, MigrationRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.fromVersion() == null) {
      errors.add(new FieldError("fromVersion", "is required"));
    }
    if (request.toVersion() == null) {
      errors.add(new FieldError("toVersion", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid migration", "Some fields are missing", errors);
    }
    JourneyVersion from = catalog.version(journey, request.fromVersion())
        .orElseThrow(() -> ApiProblemException.notFound("Version " + request.fromVersion() + " of journey " + journey));
    JourneyVersion to = catalog.version(journey, request.toVersion())
        .orElseThrow(() -> ApiProblemException.notFound("Version " + request.toVersion() + " of journey " + journey));
    List<Mapping> mappings = request.mappings() == null ? List.of() : request.mappings();
    JourneyModel source = catalog.model(journey, from.version());
    JourneyModel target = catalog.model(journey, to.version());
    for (int i = 0; i < mappings.size(); i++) {
      Mapping m = mappings.get(i);
      if (m.sourceElementId() == null || !source.elements().containsKey(m.sourceElementId())) {
        errors.add(new FieldError("mappings[" + i + "].sourceElementId", "is not an element of version " + from.version()));
      }
      if (m.targetElementId() == null || !target.elements().containsKey(m.targetElementId())) {
        errors.add(new FieldError("mappings[" + i + "].targetElementId", "is not an element of version " + to.version()));
      }
    }
    if (from.version() == to.version()) {
      errors.add(new FieldError("toVersion", "must differ from fromVersion"));
    }
    if (mappings.isEmpty()) {
      errors.add(new FieldError("mappings", "must map at least the elements where instances wait"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid migration", "No instance was migrated",
          errors);
    }
    int migrated = 0;
    List<Failure> failures = new ArrayList<>();
    for (long key : instances.findActiveKeys(journey, from.version())) {
      try {
        var command = zeebe.newMigrateProcessInstanceCommand(key).migrationPlan(to.processDefinitionKey());
        MigrateProcessInstanceCommandFinalStep plan = null;
        for (Mapping m : mappings) {
          plan = plan == null ? command.addMappingInstruction(m.sourceElementId(), m.targetElementId())
              : plan.addMappingInstruction(m.sourceElementId(), m.targetElementId());
        }
        plan.send().get(properties.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        instances.updateVersion(key, to.version());
        migrated++;
      } catch (java.util.concurrent.ExecutionException e) {
        String reason = String.valueOf(e.getCause().getMessage());
        if (reason.contains("NOT_FOUND")) {
          instances.markStatus(key, "GONE", Instant.now());
          messages.suppressQueuedOfEndedJourney(key);
        }
        failures.add(new Failure(key, reason));
      } catch (java.util.concurrent.TimeoutException e) {
        failures.add(new Failure(key, "Zeebe did not answer in time"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add(new Failure(key, "interrupted"));
        break;
      }
    }
    return new MigrationReport(journey, from.version(), to.version(), migrated, failures.size(), failures);
  }
}
