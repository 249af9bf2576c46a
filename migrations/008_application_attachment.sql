-- Which attachments a submitted application references, so a unit's reviewers may open exactly those files.
CREATE TABLE application_attachment (
  application_id uuid NOT NULL REFERENCES application (id),
  attachment_id  uuid NOT NULL REFERENCES attachment (id),
  PRIMARY KEY (application_id, attachment_id)
);

CREATE INDEX application_attachment_attachment_idx ON application_attachment (attachment_id);
