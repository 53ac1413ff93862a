package io.engage.engine.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/segments")
@Tag(name = "Segments", description = "Saved segments: conditions, preview, members")
class SegmentController {

  private final Segments segments;

  SegmentController(Segments segments) {
    this.segments = segments;
  }

  record PreviewRequest(JsonNode definition) {}

  record SegmentRequest(String key, String name, String description, JsonNode definition) {}

  record SegmentView(SavedSegment segment, long members) {}

  @Operation(summary = "Count and a sample of 20 customers a definition selects, without saving it")
  @PostMapping("/preview")
  Segments.Preview preview(@RequestBody PreviewRequest request) {
    return segments.preview(request.definition());
  }

  @GetMapping
  List<SegmentView> list() {
    return segments.all().stream().map(s -> new SegmentView(s, segments.countMembers(s.key()))).toList();
  }

  @Operation(summary = "Save a segment (members are computed at once)")
  @PostMapping
  ResponseEntity<SegmentView> create(@RequestBody SegmentRequest request, Principal user) {
    SavedSegment saved = segments.create(request.key(), request.name(), request.description(), request.definition(), user.getName());
    return ResponseEntity.created(URI.create("/api/segments/" + saved.key())).body(new SegmentView(saved, segments.countMembers(saved.key())));
  }

  @GetMapping("/{key}")
  SegmentView get(@PathVariable String key) {
    SavedSegment segment = segments.find(key).orElseThrow(() -> io.engage.engine.platform.web.ApiProblemException.notFound("Segment " + key));
    return new SegmentView(segment, segments.countMembers(key));
  }

  @PutMapping("/{key}")
  SegmentView update(@PathVariable String key, @RequestBody SegmentRequest request) {
    SavedSegment saved = segments.update(key, request.name(), request.description(), request.definition());
    return new SegmentView(saved, segments.countMembers(key));
  }

  @DeleteMapping("/{key}")
  ResponseEntity<Void> delete(@PathVariable String key) {
    segments.delete(key);
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Member ids in id order, paged with 'after'")
  @GetMapping("/{key}/members")
  List<String> members(@PathVariable String key, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int limit) {
    return segments.members(key, after, Math.clamp(limit, 1, 10_000));
  }

  @PostMapping("/{key}/recompute")
  Segments.Recomputed recompute(@PathVariable String key) {
    return segments.recompute(key);
  }
}
