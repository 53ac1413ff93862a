package io.engage.engine.segment;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Saved segments and membership bookkeeping; the compiled conditions run through {@link Segments}. */
@Mapper
interface SegmentMapper {

  List<SavedSegment> findAll();

  SavedSegment find(@Param("key") String key);

  SavedSegment lock(@Param("key") String key);

  int insert(SavedSegment segment);

  int update(@Param("key") String key, @Param("name") String name, @Param("description") String description,
      @Param("definition") String definition, @Param("now") Instant now);

  int delete(@Param("key") String key);

  int deleteMembers(@Param("key") String key);

  int markRecomputed(@Param("key") String key, @Param("generation") long generation, @Param("now") Instant now);

  int deleteOlderMembers(@Param("key") String key, @Param("generation") long generation);

  int addMember(@Param("key") String key, @Param("customerId") String customerId, @Param("generation") long generation,
      @Param("now") Instant now);

  int removeMember(@Param("key") String key, @Param("customerId") String customerId);

  int isMember(@Param("key") String key, @Param("customerId") String customerId);

  List<String> members(@Param("key") String key, @Param("after") String after, @Param("limit") int limit);

  long countMembers(@Param("key") String key);

  List<String> segmentsOf(@Param("customerId") String customerId);

  int deleteCustomer(@Param("customerId") String customerId);
}
