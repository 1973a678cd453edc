import datetime
from os import PathLike
from typing import Any, Dict, Iterable, Iterator, Literal, Mapping, NamedTuple, Optional, Sequence, Union, overload

import networkx
import pandas

from ._pactgraph import PactgraphError as PactgraphError

SCHEMA_VERSION: str
__version__: str

Fragment = Dict[str, Any]
Graph = Dict[str, Any]
Doc = Union[str, Mapping[str, Any]]

class Extractor:
    def __init__(
        self, gazetteers: Sequence[Union[str, PathLike[str]]] = ..., default_gazetteers: bool = True
    ) -> None: ...
    @property
    def gazetteer_size(self) -> int: ...
    def extract(
        self,
        text: str,
        doc_id: Optional[str] = None,
        doc_date: Union[str, datetime.date, None] = None,
        lang: Optional[str] = None,
        url: Optional[str] = None,
    ) -> Fragment: ...
    def extract_jsonl(self, line: str, name: str = "-", line_no: int = 1) -> Fragment: ...
    def extract_many(self, docs: Iterable[Doc]) -> Iterator[Fragment]: ...

class Frames(NamedTuple):
    actors: pandas.DataFrame
    agreements: pandas.DataFrame
    edges: pandas.DataFrame

def is_fragment(obj: Mapping[str, Any]) -> bool: ...
def merge(graphs: Iterable[Union[Fragment, Graph, str]]) -> Graph: ...
def merge_json(graphs: Iterable[Union[Fragment, Graph, str]]) -> str: ...
def dumps(obj: Union[Fragment, Graph]) -> str: ...
def to_graphml(obj: Union[Fragment, Graph]) -> str: ...
def html_to_text(html: str) -> str: ...
@overload
def to_networkx(
    graph: Union[Fragment, Graph], view: Literal["full"] = "full", flatten: bool = False
) -> networkx.MultiDiGraph: ...
@overload
def to_networkx(graph: Union[Fragment, Graph], view: Literal["partners"], flatten: bool = False) -> networkx.Graph: ...
def to_pandas(graph: Union[Fragment, Graph]) -> Frames: ...
