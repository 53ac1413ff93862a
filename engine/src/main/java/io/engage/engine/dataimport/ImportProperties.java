package io.engage.engine.dataimport;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files wait until their import ran, and how many orders go in one batch (one
 * transaction). A batch is written in customer id order, so its many customers' rows are reached in
 * index order instead of at random: large batches are much cheaper per row than small ones.
 */
@ConfigurationProperties("engage.imports")
public record ImportProperties(
    @DefaultValue(".engage-data/imports") Path dir,
    @DefaultValue("20000") int batchSize) {}
