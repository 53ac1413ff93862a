package io.engage.engine.messaging;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TemplateMapper {

  record TemplateRow(String templateKey, String description, String fallbackLocale, int version, String updatedBy,
      Instant updatedAt) {}

  record VariantRow(String templateKey, String locale, String channel, String subject, String textBody,
      String htmlBody, String fields) {}

  List<TemplateRow> findAll();

  TemplateRow find(@Param("key") String key);

  TemplateRow findForUpdate(@Param("key") String key);

  List<VariantRow> findVariants(@Param("key") String key);

  int insertIfAbsent(TemplateRow row);

  int update(TemplateRow row);

  void insertVariant(VariantRow row);

  void deleteVariants(@Param("key") String key);

  int delete(@Param("key") String key);
}
