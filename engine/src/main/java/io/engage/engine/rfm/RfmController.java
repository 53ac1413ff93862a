package io.engage.engine.rfm;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rfm")
@Tag(name = "RFM", description = "Recency, frequency, monetary scores and named segments")
class RfmController {

  private final Rfm rfm;

  RfmController(Rfm rfm) {
    this.rfm = rfm;
  }

  @Operation(summary = "Dashboard grid: customers per R x F cell and per named segment")
  @GetMapping("/summary")
  RfmSummary summary() {
    return rfm.summary();
  }

  @Operation(summary = "The named segments and the (R, FM) ranges they cover, in matching order")
  @GetMapping("/segments")
  List<RfmProperties.SegmentRule> segments() {
    return rfm.segmentRules();
  }

  @Operation(summary = "Scored customers, filtered by segment and/or R and F score, paged by customer id")
  @GetMapping("/customers")
  List<CustomerRfm> customers(@RequestParam(required = false) String segment, @RequestParam(required = false) Integer r,
      @RequestParam(required = false) Integer f, @RequestParam(required = false) String after,
      @RequestParam(defaultValue = "100") int limit) {
    return rfm.page(segment, r, f, after, Math.clamp(limit, 1, 1000));
  }
}
