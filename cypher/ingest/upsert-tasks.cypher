// Tasks (pipeline types) from @huggingface/tasks. Parameters: $rows — [{id, name, modality}].
UNWIND $rows AS row
MERGE (t:Task {id: row.id})
SET t.name = row.name, t.modality = row.modality
