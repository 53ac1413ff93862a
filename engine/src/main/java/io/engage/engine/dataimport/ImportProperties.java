package io.engage.engine.dataimport;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where uploaded files wait until their import ran, and how many orders go in one batch. */
@ConfigurationProperties("engage.imports")
public record ImportProperties(
    @DefaultValue(".engage-data/imports") Path dir,
    @DefaultValue("1000") int batchSize) {}
