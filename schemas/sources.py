"""The sources table: every originator behind the claims, and how it is graded."""
import pandera.pandas as pa
from pandera.typing import Series

from schemas.vocab import RELIABILITY


class SourceSchema(pa.DataFrameModel):
    source: Series[str] = pa.Field(unique=True, description="Originator of claims (credited body, else publisher)")
    names: Series[object] = pa.Field(
        description="The names reports give it, as written: credited names, or the publisher's own name "
                    "(';'-joined in CSV)",
        metadata={"list": True},
    )
    reliability: Series[str] = pa.Field(isin=RELIABILITY, description="Reliability grade used (IDMC scale)")
    party: Series[bool] = pa.Field(description="A party to the conflict: its figures only evidence a dispute")
    registered: Series[bool] = pa.Field(
        description="Graded in schemas/sources.yaml; false means the default grade, for a person to review"
    )
    claims: Series[int] = pa.Field(ge=1, description="Claims it originates")
    override: Series[str] = pa.Field(nullable=True, description="Reason of an analyst re-grade, if any")

    @pa.check("names", element_wise=True, description="a list of names")
    def is_list_of_names(cls, value: object) -> bool:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)

    class Config:
        strict = True
        coerce = True
