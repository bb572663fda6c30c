// Model libraries from @huggingface/tasks. Parameters: $rows — [{id, name, repoUrl}].
UNWIND $rows AS row
MERGE (l:Library {id: row.id})
SET l.name = row.name, l.repoUrl = row.repoUrl
