package io.engage.engine.dataimport;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

@Mapper
interface ImportMapper {

  final class NewJob {
    public Long id;
    public String kind;
    public String fileName;
    public String storedFile;
    public String mapping;
    public long totalBytes;
    public String createdBy;
    public Instant createdAt;
  }

  int insertJob(NewJob job);

  JobRow findJob(@Param("id") long id);

  List<JobRow> findRecent(@Param("limit") int limit);

  List<Long> findUnfinished();

  record JobRow(long id, String kind, String fileName, String storedFile, String mapping, String status, long totalBytes,
      long bytesRead, long rowsRead, long imported, long duplicates, long skipped, String skippedByReason, String error,
      String createdBy, Instant createdAt, Instant finishedAt) {}

  int updateProgress(@Param("id") long id, @Param("status") String status, @Param("bytesRead") long bytesRead,
      @Param("rowsRead") long rowsRead, @Param("imported") long imported, @Param("duplicates") long duplicates,
      @Param("skipped") long skipped, @Param("skippedByReason") String skippedByReason, @Param("error") String error,
      @Param("finishedAt") Instant finishedAt);

  int insertIssues(@Param("jobId") long jobId, @Param("issues") List<RowIssue> issues);

  int deleteIssues(@Param("jobId") long jobId);

  record RowIssue(long line, String reason, String detail, String key) {}

  void streamIssues(@Param("jobId") long jobId, ResultHandler<RowIssue> handler);
}
