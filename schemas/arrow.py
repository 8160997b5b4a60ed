"""The Arrow type each column of the table contracts is stored as."""
import pyarrow as pa


def arrow_type(dtype) -> pa.DataType:
    """Arrow's type for a pandera column dtype: whole numbers, flags, decimals, else text."""
    name = str(dtype).lower()
    if "int" in name:
        return pa.int64()
    if "bool" in name:
        return pa.bool_()
    if "float" in name:
        return pa.float64()
    return pa.string()
