package io.engage.engine.journey;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface JourneyCatalogMapper {

  int insertVersion(@Param("v") JourneyVersion version, @Param("xml") String xml);

  void updateProcessDefinitionKey(@Param("journey") String journey, @Param("version") int version,
      @Param("key") long processDefinitionKey);

  List<JourneyVersion> findVersions(@Param("journey") String journey);

  List<JourneyVersion> findAllVersions();

  JourneyVersion findVersion(@Param("journey") String journey, @Param("version") int version);

  String findXml(@Param("journey") String journey, @Param("version") int version);

  void upsertStatus(@Param("journey") String journey, @Param("status") String status, @Param("by") String by,
      @Param("at") Instant at);

  List<String> findPaused();

  List<LiveCount> countLive(@Param("journey") String journey);

  record LiveCount(int version, String lastElementId, long instances) {}
}
